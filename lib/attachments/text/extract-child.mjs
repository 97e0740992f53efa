import { readPdf } from "./child/read-pdf.mjs";
import { readDocx, readOdt } from "./child/read-office.mjs";

// The extraction child process (lib/attachments/text/extract-text.ts forks
// it). Plain JavaScript on disk, so that it starts the same way under tsx,
// vitest and `next start`, whose server code is bundled. It gets one request
// over IPC, reads the file, sends progress and then one result, and exits.
// The parent kills it when it takes too long or grows too large; whatever
// happens here cannot take the worker down with it.

const READERS = {
  "application/pdf": readPdf,
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": readDocx,
  "application/vnd.oasis.opendocument.text": readOdt,
};

function send(message) {
  return new Promise((resolve) => {
    if (!process.send) resolve();
    else process.send(message, () => resolve());
  });
}

async function extract({ filePath, mediaType, limits }) {
  const read = READERS[mediaType];
  if (!read) return { status: "UNSUPPORTED", pages: [], pageCount: null, detail: mediaType };
  let lastProgress = 0;
  const onProgress = (done, total) => {
    const now = Date.now();
    if (done < total && now - lastProgress < 200) return;
    lastProgress = now;
    void send({ type: "progress", done, total });
  };
  return read(filePath, limits, onProgress);
}

// The parent is gone (killed, crashed): nobody will read the result or kill
// this process at the time limit, so it ends now rather than read on.
process.once("disconnect", () => process.exit(1));

process.once("message", (request) => {
  extract(request)
    .catch((error) => ({ status: "DAMAGED", pages: [], pageCount: null, detail: `reader failed: ${error?.message ?? error}` }))
    .then(async (result) => {
      // maxRSS is in kilobytes: the peak resident memory of this process.
      await send({ type: "result", result: { ...result, maxRssKb: process.resourceUsage().maxRSS } });
      process.exit(0);
    });
});

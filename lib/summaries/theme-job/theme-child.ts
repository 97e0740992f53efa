// The theme child process (run-theme-computation.ts starts it): receives one
// request, finds the themes with the steering applied, sends progress as it
// goes and the result at the end, then exits. The engine is CPU-bound for
// seconds to minutes; in its own process it neither blocks the server's
// event loop nor shares its heap. Started by node with
// `--conditions=react-server --import tsx`, so that it reads this source as
// it is, in a production server too.
import { computeConsultationThemes, type ConsultationThemeRequest } from "@/lib/summaries/theme-job/compute-consultation-themes";
import type { ChildMessage } from "@/lib/summaries/theme-job/run-theme-computation";

/** Progress is sent at most this often: the engine reports far more often than anyone reads. */
const PROGRESS_EVERY_MS = 250;

function send(message: ChildMessage): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!process.send) return reject(new Error("The theme child process was started without an IPC channel."));
    process.send(message, undefined, {}, (error) => (error ? reject(error) : resolve()));
  });
}

process.once("message", (request: ConsultationThemeRequest) => {
  let sentAt = 0;
  let outcome: ChildMessage;
  try {
    const result = computeConsultationThemes(request, (fraction) => {
      const now = Date.now();
      if (now - sentAt < PROGRESS_EVERY_MS && fraction < 1) return;
      sentAt = now;
      process.send?.({ kind: "progress", fraction } satisfies ChildMessage);
    });
    outcome = { kind: "done", result };
  } catch (error) {
    outcome = { kind: "failed", message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  send(outcome).then(
    () => process.exit(0),
    () => process.exit(1),
  );
});

import "server-only";
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import Busboy from "busboy";
import { AppError } from "@/lib/errors";
import { attachmentMessages, MAX_ATTACHMENT_BYTES } from "@/lib/attachments/rules";
import { newTempPath, removeQuietly } from "@/lib/attachments/storage";

// Reads one file out of a multipart/form-data request body as it streams in:
// the bytes go straight to a temporary file while their SHA-256 is computed,
// so memory use does not grow with the file. Nothing beyond the size limit is
// kept, and nothing much beyond it is read: a body announcing more is refused
// before its first byte, and one that keeps coming is cut off.

/** Boundaries, part headers and a long file name around one file. */
const ENVELOPE_BYTES = 64 * 1024;
const MAX_BODY_BYTES = MAX_ATTACHMENT_BYTES + ENVELOPE_BYTES;

/** The form field the file travels in. */
export const UPLOAD_FIELD = "file";

export type ReceivedUpload = { tempPath: string; fileName: string; size: number; sha256: string };

const tooLarge = (fileName: string | null) => {
  const message = attachmentMessages.tooLarge(fileName);
  return new AppError("PAYLOAD_TOO_LARGE", message, { [UPLOAD_FIELD]: [message] });
};
const noFile = () => new AppError("VALIDATION", attachmentMessages.noFile, { [UPLOAD_FIELD]: [attachmentMessages.noFile] });
const unreadable = () => new AppError("VALIDATION", "The upload could not be read. Please try again.");

export async function receiveUpload(request: Request): Promise<ReceivedUpload> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(contentType) || !request.body) throw noFile();
  const declaredLength = Number(request.headers.get("content-length"));
  if (Number.isFinite(declaredLength) && declaredLength > MAX_BODY_BYTES) throw tooLarge(null);

  const tempPath = await newTempPath();
  try {
    return { tempPath, ...(await readSingleFile(request.body, contentType, tempPath)) };
  } catch (error) {
    await removeQuietly(tempPath);
    throw error;
  }
}

type FileFacts = { fileName: string; size: number; sha256: string };

function readSingleFile(body: ReadableStream<Uint8Array>, contentType: string, tempPath: string): Promise<FileFacts> {
  return new Promise<FileFacts>((resolve, reject) => {
    let parser: Busboy.Busboy;
    try {
      parser = Busboy({
        headers: { "content-type": contentType },
        // Browsers send file names as raw UTF-8.
        defParamCharset: "utf8",
        // One byte over the limit, so that a file of exactly the limit is not cut.
        limits: { files: 1, fileSize: MAX_ATTACHMENT_BYTES + 1, fields: 4, fieldSize: 1024, parts: 5, headerPairs: 20 },
      });
    } catch {
      reject(noFile());
      return;
    }

    let file: Promise<FileFacts> | undefined;
    let fileName: string | null = null;
    let received = 0;
    const bodyLimit = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        received += chunk.length;
        callback(received > MAX_BODY_BYTES ? tooLarge(fileName) : null, chunk);
      },
    });

    parser.on("file", (field, stream, info) => {
      if (field !== UPLOAD_FIELD || file) {
        stream.resume();
        return;
      }
      // Browsers write a quote in a file name as %22 (HTML's multipart/form-data encoding).
      const name = (info.filename || "attachment").replaceAll("%22", '"');
      fileName = name;
      const hash = createHash("sha256");
      let size = 0;
      const measure = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          hash.update(chunk);
          size += chunk.length;
          callback(null, chunk);
        },
      });
      file = pipeline(stream, measure, createWriteStream(tempPath, { flags: "wx" })).then(() => {
        // Busboy stops passing bytes on at the limit and marks the stream.
        if (stream.truncated) throw tooLarge(name);
        if (size === 0) throw new AppError("VALIDATION", attachmentMessages.empty(name), { [UPLOAD_FIELD]: [attachmentMessages.empty(name)] });
        return { fileName: name, size, sha256: hash.digest("hex") };
      });
      // Settled below; this keeps an early failure from being reported as unhandled.
      file.catch(() => {});
    });

    // Settled by the body's pipeline: a failure there (too large, cut off,
    // malformed) wins over whatever the parser makes of a body it did not get.
    pipeline(Readable.fromWeb(body as NodeWebReadableStream<Uint8Array>), bodyLimit, parser).then(
      () => (file ? file.then(resolve, reject) : reject(noFile())),
      (error: unknown) => {
        // Let the file's own stream finish closing first, so the caller's
        // clean-up of the temporary file comes after its last write.
        const failure = error instanceof AppError ? error : unreadable();
        void (file ?? Promise.resolve()).catch(() => {}).finally(() => reject(failure));
      },
    );
  });
}

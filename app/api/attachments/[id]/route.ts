import fs from "node:fs/promises";
import { Readable } from "node:stream";
import { notFound, toErrorResponse } from "@/lib/errors";
import { attachmentDisposition } from "@/lib/attachments/file-name";
import { getAttachmentDownload } from "@/lib/attachments/get-attachment-download";

// Serves an attachment to whoever may read it (the domain function decides;
// anyone else gets the same 404 as for an id that does not exist). Always as
// a download of its sniffed type: a file from a participant is never rendered
// inside the site's origin.
export const runtime = "nodejs";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  let file;
  let handle;
  try {
    file = await getAttachmentDownload(id);
    handle = await fs.open(file.filePath).catch((error: unknown) => {
      // The row says the file exists and it does not: worth an operator's look.
      console.error("Attachment file missing", { id }, error);
      throw notFound("This file");
    });
  } catch (error) {
    const { status, body } = toErrorResponse(error, { route: "GET /api/attachments/[id]" });
    return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
  }
  const stream = Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array>;
  return new Response(stream, {
    headers: {
      "Content-Type": file.mediaType,
      "Content-Length": String(file.size),
      "Content-Disposition": attachmentDisposition(file.fileName),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      // Access depends on who asks and on the contribution's status.
      "Cache-Control": "private, no-store",
    },
  });
}

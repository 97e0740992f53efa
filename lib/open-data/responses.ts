import "server-only";
import { toErrorResponse } from "@/lib/errors";
import { OPEN_DATA_LICENCE } from "@/lib/open-data/licence";

// How every /api/v1 answer is made: open to scripts on any origin (the data
// is public and no cookie is read, so Access-Control-Allow-Origin: * exposes
// nothing), the licence in a Link header, JSON errors through the one mapper
// of lib/errors.ts.

const licenceLink = `<${OPEN_DATA_LICENCE.url}>; rel="license"`;

// The same for everyone, so shared caches may keep it, briefly: a
// contribution a moderator hides must leave the open data soon too.
const CACHE_PUBLIC = "public, max-age=60";

function openDataHeaders(extra: Record<string, string>, links: string[] = []): Headers {
  return new Headers({
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "Link, Content-Disposition",
    Link: [...links, licenceLink].join(", "),
    ...extra,
  });
}

/** A JSON answer; a page's `links.next` goes in a Link header too (RFC 8288). */
export function openDataJson(body: object): Response {
  const next = "links" in body && typeof body.links === "object" && body.links !== null && "next" in body.links ? body.links.next : undefined;
  return Response.json(body, { headers: openDataHeaders({ "Cache-Control": CACHE_PUBLIC }, typeof next === "string" ? [`<${next}>; rel="next"`] : []) });
}

/** A file download, streamed as the client reads it: the next chunk is made only when the previous one has been taken. */
export function openDataDownload(chunks: AsyncIterable<string>, file: { contentType: string; fileName: string }): Response {
  return new Response(pullStream(chunks), {
    headers: openDataHeaders({
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": CACHE_PUBLIC,
    }),
  });
}

/** Runs a handler's work and answers a failure as JSON: 404, 422 with the fields at fault, or a logged 500. */
export async function answerOpenData(route: string, work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    const { status, body } = toErrorResponse(error, { route });
    return Response.json(body, { status, headers: openDataHeaders({ "Cache-Control": "no-store" }) });
  }
}

/** `<slug>-contributions-<YYYY-MM-DD>.<extension>`, dated the day (UTC) it was made. */
export function downloadFileName(slug: string, what: string, extension: string, at = new Date()): string {
  return `${slug}-${what}-${at.toISOString().slice(0, 10)}.${extension}`;
}

/**
 * A byte stream of the text chunks, pulled: the queue holds one chunk, so a
 * slow client slows the reading of the database instead of filling memory.
 * A client that goes away ends the generator (its finally blocks run).
 */
export function pullStream(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  let cancelled = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { value, done } = await iterator.next();
          // The client went away while this chunk was being made.
          if (cancelled) return;
          if (done) controller.close();
          else controller.enqueue(encoder.encode(value));
        } catch (error) {
          // The status line has gone out: all that is left is to cut the
          // download short, so the client sees an incomplete file, and say why here.
          console.error("Open data download failed", error);
          controller.error(error);
        }
      },
      async cancel() {
        cancelled = true;
        await iterator.return?.();
      },
    },
    new CountQueuingStrategy({ highWaterMark: 1 }),
  );
}

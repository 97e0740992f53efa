import "server-only";
import { downloadFileName, openDataDownload } from "@/lib/open-data/responses";
import { summaryCsv } from "@/lib/open-data/summary-csv";
import type { OpenSummary } from "@/lib/open-data/summary-records";

// A summary is a few hundred figures at most: it is written in one piece, but
// sent through the same helper as the contributions' streamed downloads, so
// the headers (CORS, licence, cache, file name) are the same.

async function* once(text: string): AsyncGenerator<string> {
  yield text;
}

/** A published summary version as a CSV of its figures (lib/open-data/summary-csv.ts) or as its JSON record. */
export function summaryDownload(summary: OpenSummary, format: "csv" | "json"): Response {
  const fileName = downloadFileName(summary.consultation, `summary-v${summary.version}`, format);
  return format === "csv"
    ? openDataDownload(once(summaryCsv(summary)), { contentType: "text/csv; charset=utf-8; header=present", fileName })
    : openDataDownload(once(`${JSON.stringify(summary, null, 2)}\n`), { contentType: "application/json; charset=utf-8", fileName });
}

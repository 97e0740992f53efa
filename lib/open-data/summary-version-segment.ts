// The last segment of /api/v1/consultations/<slug>/summaries/<segment>: a
// version number or "latest", then nothing (the JSON record), ".json" (the
// same record as a file) or ".csv" (its figures). One dynamic route serves
// the three, as a folder name cannot hold a parameter and a suffix.

export type SummaryVersionRequest = { version: number | "latest"; format: "record" | "json" | "csv" };

const SEGMENT = /^([1-9]\d{0,8}|latest)(?:\.(csv|json))?$/;

/** What the segment asks for, or null for anything else (a 404). */
export function readSummaryVersionSegment(segment: string): SummaryVersionRequest | null {
  const match = SEGMENT.exec(segment);
  if (!match?.[1]) return null;
  const format = match[2] === "csv" || match[2] === "json" ? match[2] : "record";
  return { version: match[1] === "latest" ? "latest" : Number(match[1]), format };
}

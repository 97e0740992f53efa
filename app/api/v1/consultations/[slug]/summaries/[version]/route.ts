import { AppError } from "@/lib/errors";
import { getPublishedSummary } from "@/lib/open-data/get-published-summary";
import { answerOpenData, openDataJson } from "@/lib/open-data/responses";
import { summaryDownload } from "@/lib/open-data/summary-download";
import { readSummaryVersionSegment } from "@/lib/open-data/summary-version-segment";

// Open data (documented on /open-data and in /api/v1/openapi.json): …/summaries/3
// is the record, …/summaries/3.json the same as a file, …/summaries/3.csv its
// figures; "latest" in place of the number is the newest published version.
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export function GET(_request: Request, { params }: { params: Promise<{ slug: string; version: string }> }) {
  return answerOpenData("GET /api/v1/consultations/[slug]/summaries/[version]", async () => {
    const { slug, version: segment } = await params;
    const wanted = readSummaryVersionSegment(segment);
    if (!wanted) throw new AppError("NOT_FOUND", "A summary version is a number such as 3, or latest, then .csv or .json for a file.");
    const summary = await getPublishedSummary(slug, wanted.version);
    return wanted.format === "record" ? openDataJson(summary) : summaryDownload(summary, wanted.format);
  });
}

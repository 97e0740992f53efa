import { contributionsCsv } from "@/lib/open-data/contribution-exports";
import { getContributionSource } from "@/lib/open-data/get-contribution-source";
import { answerOpenData, downloadFileName, openDataDownload } from "@/lib/open-data/responses";

// Every approved contribution of a consultation in one CSV file, streamed a
// batch at a time (lib/open-data/contribution-exports.ts).
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return answerOpenData("GET /api/v1/consultations/[slug]/contributions.csv", async () => {
    const source = await getContributionSource((await params).slug);
    return openDataDownload(contributionsCsv(source), {
      contentType: "text/csv; charset=utf-8; header=present",
      fileName: downloadFileName(source.slug, "contributions", "csv"),
    });
  });
}

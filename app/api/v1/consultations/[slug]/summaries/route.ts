import { findPublishedSummaries } from "@/lib/open-data/find-published-summaries";
import { pageQueryOf } from "@/lib/open-data/page-query";
import { answerOpenData, openDataJson } from "@/lib/open-data/responses";

// Open data (documented on /open-data and in /api/v1/openapi.json).
export const dynamic = "force-dynamic";

export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return answerOpenData("GET /api/v1/consultations/[slug]/summaries", async () =>
    openDataJson(await findPublishedSummaries((await params).slug, pageQueryOf(request))),
  );
}

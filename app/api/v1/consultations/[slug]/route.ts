import { getPublishedConsultation } from "@/lib/open-data/get-published-consultation";
import { answerOpenData, openDataJson } from "@/lib/open-data/responses";

// Open data (documented on /open-data and in /api/v1/openapi.json).
export const dynamic = "force-dynamic";

export function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return answerOpenData("GET /api/v1/consultations/[slug]", async () => {
    const { record } = await getPublishedConsultation((await params).slug);
    return openDataJson(record);
  });
}

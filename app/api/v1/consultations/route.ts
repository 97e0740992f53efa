import { findOpenDataConsultations } from "@/lib/open-data/find-open-data-consultations";
import { pageQueryOf } from "@/lib/open-data/page-query";
import { answerOpenData, openDataJson } from "@/lib/open-data/responses";

// Open data (documented on /open-data and in /api/v1/openapi.json).
export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return answerOpenData("GET /api/v1/consultations", async () => openDataJson(await findOpenDataConsultations(pageQueryOf(request))));
}

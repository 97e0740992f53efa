import { apiUrl } from "@/lib/open-data/links";
import { openApiDocument } from "@/lib/open-data/openapi";
import { answerOpenData, openDataJson } from "@/lib/open-data/responses";

// The API's OpenAPI 3.1 description. Dynamic: its server address is this
// deployment's APP_URL, which the build does not know.
export const dynamic = "force-dynamic";

export function GET() {
  return answerOpenData("GET /api/v1/openapi.json", async () => openDataJson(openApiDocument(apiUrl(""))));
}

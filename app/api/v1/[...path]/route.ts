import { AppError } from "@/lib/errors";
import { answerOpenData } from "@/lib/open-data/responses";

// Any other address under /api/v1: a JSON 404 a program can read, not the
// site's HTML page.
export const dynamic = "force-dynamic";

export function GET() {
  return answerOpenData("GET /api/v1/[...path]", async () => {
    throw new AppError("NOT_FOUND", "There is no such address in this API. Its description is at /api/v1/openapi.json.");
  });
}

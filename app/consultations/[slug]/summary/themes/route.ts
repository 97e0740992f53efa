import { toErrorResponse } from "@/lib/errors";
import { getThemeStatus } from "@/lib/summaries/theme-job/get-theme-status";

// Whether the live summary's themes are current and how far the theme job
// is: /consultations/<slug>/summary/themes, polled by the live view's theme
// panel while the job runs. Moderators only (getThemeStatus decides); JSON
// errors, never a page.
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  try {
    const { slug } = await params;
    return Response.json(await getThemeStatus(slug), { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    const { status, body } = toErrorResponse(error, { route: "GET /consultations/[slug]/summary/themes" });
    return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
  }
}

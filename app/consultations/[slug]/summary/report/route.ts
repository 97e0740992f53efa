import { toErrorResponse } from "@/lib/errors";
import { buildSummaryDocument, DOCX_MEDIA_TYPE, summaryReportFileName } from "@/lib/summaries/report/build-summary-document";
import { getSummaryReport } from "@/lib/summaries/report/get-summary-report";
import { summaryReportQueryInput } from "@/lib/summaries/report/report-request";

// The summary report as a Word document, beside the page's print to PDF:
// /consultations/<slug>/summary/report with the page's own query
// (?version=3, ?view=live for moderators, and the filters). Who may have
// which report is decided in getSummaryReport; failures are answered as JSON
// (401, 403, 404, 422 naming the parameter), never as a failed page.
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  try {
    const { slug } = await params;
    const report = await getSummaryReport(slug, summaryReportQueryInput(new URL(request.url).searchParams));
    const bytes = await buildSummaryDocument(report);
    return new Response(new Uint8Array(bytes), {
      headers: {
        "Content-Type": DOCX_MEDIA_TYPE,
        "Content-Disposition": `attachment; filename="${summaryReportFileName(report)}"`,
        "Content-Length": String(bytes.byteLength),
        // Published versions never change, but the highlights and quotes of a
        // contribution hidden since leave them: kept briefly, and only by the
        // reader's browser, as the live view is for moderators.
        "Cache-Control": report.view === "live" ? "private, no-store" : "private, max-age=60",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    const { status, body } = toErrorResponse(error, { route: "GET /consultations/[slug]/summary/report" });
    return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
  }
}

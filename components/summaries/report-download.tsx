import type { SummaryFilters } from "@/lib/summaries/filter-schema";
import { summaryReportHref, type SummaryReportView } from "@/lib/summaries/report/report-request";

type Props = {
  slug: string;
  /** The view the page shows: a published version by number, or the live view (moderators). */
  view: SummaryReportView;
  /** The filters applied on the page: the report counts the same contributions. */
  filters: SummaryFilters;
};

/**
 * The summary as a Word document an officer can edit, beside the print to
 * PDF: the same view and filters as the page. A plain link (the route
 * answers with an attachment), so it works without JavaScript; its size is
 * not given as the file is made when asked for.
 */
export function ReportDownload({ slug, view, filters }: Props) {
  const descriptionId = `report-download-${view.kind === "live" ? "live" : (view.version ?? "latest")}`;
  return (
    <p className="no-print text-sm">
      <a href={summaryReportHref(slug, view, filters)} download aria-describedby={descriptionId} className="font-medium">
        Download the report (DOCX)
      </a>
      <span id={descriptionId} className="ml-2 text-slate-700">
        A Word document with the synthesis, the figures as tables and the themes with their quotes and sources, to edit in Word,
        LibreOffice or Google Docs.
      </span>
    </p>
  );
}

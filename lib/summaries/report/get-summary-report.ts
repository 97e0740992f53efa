import "server-only";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getEnv } from "@/lib/env";
import { AppError, notFound, parseInput, unauthenticated } from "@/lib/errors";
import type { DuplicateFigures } from "@/lib/summaries/compute-duplicate-figures";
import type { SummaryFigures } from "@/lib/summaries/summary-figures";
import type { SummaryFilters } from "@/lib/summaries/filter-schema";
import { getSummaryFrame, type FilterErrors, type SummaryHighlight, type SummaryVersionInfo } from "@/lib/summaries/get-summary-page";
import { summaryReportQuerySchema, type SummaryReportView } from "@/lib/summaries/report/report-request";

// What the summary report (a document an officer can edit) is made of: the
// same reading as the summary page, through getSummaryFrame, so the report
// says exactly what the page says and is allowed to exactly the same people:
// a published version to anyone who may see the consultation, the live
// figures (and the unpublished synthesis) to moderators only.

export type SummaryReport = {
  consultation: { slug: string; title: string; timeZone: string };
  view: "published" | "live";
  /**
   * Published view: the version read. Live view: the newest version, whose
   * synthesis (perhaps a draft) the editor holds; null when none was saved.
   */
  version: (SummaryVersionInfo & { synthesis: string }) | null;
  highlights: SummaryHighlight[];
  figures: SummaryFigures;
  /** How many contributions the view counts without its filters. */
  unfilteredTotal: number;
  filters: SummaryFilters;
  filtered: boolean;
  /** Filters of the request left out, and why (a type or country the version has no contribution from). */
  filterErrors: FilterErrors;
  duplicates: DuplicateFigures | null;
  /** Absolute, without a trailing slash: the links in the document leave the site. */
  appUrl: string;
  generatedAt: Date;
};

/**
 * The report of a consultation's summary, for the query of the summary
 * page (`version`, `view=live`, and its filters). Not found: the
 * consultation, the version, or any published version at all (a report of
 * nothing is no document). The live view: 401 signed out, 403 below
 * moderator, checked before anything is counted.
 */
export async function getSummaryReport(slug: string, query: unknown): Promise<SummaryReport> {
  const { view, filters } = parseInput(summaryReportQuerySchema, query);
  const live = view.kind === "live";
  if (live && !(await getCurrentUser())) throw unauthenticated();
  const frame = await getSummaryFrame(slug, { live, version: publishedVersion(view), filters });
  if (!frame) throw notFound(view.kind === "published" && view.version !== undefined ? `Version ${view.version} of this summary` : "This consultation");
  const [part, duplicates] = await Promise.all([frame.figures, frame.duplicates]);
  if (!part.figures || (!live && !frame.shown)) {
    throw new AppError("NOT_FOUND", "No summary of this consultation has been published yet, so there is no report to download.");
  }
  return {
    consultation: { slug: frame.consultation.slug, title: frame.consultation.title, timeZone: frame.consultation.timeZone },
    view: frame.view,
    version: frame.shown
      ? {
          version: frame.shown.version,
          status: frame.shown.status,
          createdAt: frame.shown.createdAt,
          publishedAt: frame.shown.publishedAt,
          synthesis: frame.shown.synthesis,
        }
      : null,
    highlights: frame.highlights,
    figures: part.figures,
    unfilteredTotal: part.unfilteredStatistics?.total ?? part.figures.statistics.total,
    filters: part.filters,
    filtered: part.filtered,
    filterErrors: part.filterErrors ?? {},
    duplicates,
    appUrl: getEnv().appUrl,
    generatedAt: new Date(),
  };
}

function publishedVersion(view: SummaryReportView): number | undefined {
  return view.kind === "published" ? view.version : undefined;
}

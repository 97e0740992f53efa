import { z } from "zod";
import { summaryFilterSchema, type SummaryFilters } from "@/lib/summaries/filter-schema";

// The address of the summary report (app/consultations/[slug]/summary/report):
// the same query as the summary page it is downloaded from, so the link
// keeps the view and the filters. Isomorphic: the download link builds it,
// the route handler reads it.

/** What the report is of: a published version (the newest when none is given) or, for moderators, the live figures. */
export type SummaryReportView = { kind: "published"; version?: number } | { kind: "live" };

export type SummaryReportQuery = { view: SummaryReportView; filters: SummaryFilters };

// Every filter the summary page takes: read from the filter schema, so a
// filter added there (by language, for example) reaches the report as well.
const FILTER_KEYS = Object.keys(summaryFilterSchema.shape) as (keyof SummaryFilters)[];

const versionSchema = z
  .string()
  .regex(/^[1-9]\d{0,8}$/, "A version is a whole number from 1, such as 3.")
  .transform(Number)
  .optional();

const viewSchema = z.enum(["live"], "The only view besides the published versions is view=live.").optional();

/**
 * Reads the query of a report address: a malformed version, view or filter
 * is a validation error (422, naming the parameter), never a guess.
 */
export const summaryReportQuerySchema = z
  .object({ version: versionSchema, view: viewSchema, filters: summaryFilterSchema })
  .superRefine((query, context) => {
    if (query.view === "live" && query.version !== undefined) {
      context.addIssue({ code: "custom", path: ["version"], message: "Ask for a published version or for the live view, not both." });
    }
  })
  .transform(({ version, view, filters }): SummaryReportQuery => ({ view: view === "live" ? { kind: "live" } : { kind: "published", version }, filters }));

/** The query's parameters as the schema reads them (only those present). */
export function summaryReportQueryInput(search: URLSearchParams): { version?: string; view?: string; filters: Record<string, string> } {
  const filters: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = search.get(key);
    if (value !== null) filters[key] = value;
  }
  return { version: search.get("version") ?? undefined, view: search.get("view") ?? undefined, filters };
}

/** The report of the view and filters a summary page shows. */
export function summaryReportHref(slug: string, view: SummaryReportView, filters: SummaryFilters = {}): string {
  const search = new URLSearchParams();
  if (view.kind === "live") search.set("view", "live");
  else if (view.version !== undefined) search.set("version", String(view.version));
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value !== undefined) search.set(key, String(value));
  }
  const query = search.toString();
  return `/consultations/${encodeURIComponent(slug)}/summary/report${query ? `?${query}` : ""}`;
}

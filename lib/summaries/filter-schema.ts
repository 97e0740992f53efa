import type { z } from "zod";
import { contributionFilterSchema } from "@/lib/contributions/filter-schema";

// The subset a consultation summary describes, read from the page's address
// (a GET form, "" meaning any). Same parameter names, values and messages as
// the filters of the consultation's contribution list, so a link between the
// two pages keeps the subset, and both mean the same contributions by it.
export const summaryFilterSchema = contributionFilterSchema.pick({ type: true, country: true, phase: true });

export type SummaryFiltersInput = z.input<typeof summaryFilterSchema>;
export type SummaryFilters = z.output<typeof summaryFilterSchema>;

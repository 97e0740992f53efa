import { z } from "zod";
import { contributionFilterSchema } from "@/lib/contributions/filter-schema";

// The subset a consultation summary describes, read from the page's address
// (a GET form, "" meaning any). Same parameter names, values and messages as
// the filters of the consultation's contribution list, so a link between the
// two pages keeps the subset, and both mean the same contributions by it.
// `groups=once` counts each group of identical or near-identical
// contributions once (lib/similarity): its earliest member in the subset
// stands for it. `language` is the effective language (the detected one when
// the detector was confident, else the declared one), as in the list.
export const summaryFilterSchema = contributionFilterSchema.pick({ type: true, country: true, phase: true, language: true }).extend({
  groups: z.preprocess((value) => (value === "" ? undefined : value), z.enum(["once"], "Choose whether to count each group once.").optional()),
});

export type SummaryFiltersInput = z.input<typeof summaryFilterSchema>;
export type SummaryFilters = z.output<typeof summaryFilterSchema>;

import { z } from "zod";
import { Phase, StakeholderType } from "@/lib/generated/prisma/enums";
import { pageParamSchema } from "@/lib/search-params";

// Search and filters of a consultation's public contributions. They come from
// a GET form, so every value arrives as a string and "" means "any".

export const CONTRIBUTIONS_PAGE_SIZE = 20;

const emptyToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const contributionFilterSchema = z.object({
  q: z.preprocess(emptyToUndefined, z.string().trim().max(200, "Search for at most 200 characters.").optional()),
  type: z.preprocess(emptyToUndefined, z.enum(StakeholderType, "Choose a stakeholder type from the list.").optional()),
  country: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, "Choose a country from the list.")
      .optional(),
  ),
  phase: z.preprocess(emptyToUndefined, z.enum(Phase, "Choose a phase from the list.").optional()),
  language: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z]{2,3}(?:-[a-z0-9]{2,8})?$/, "Choose a language from the list.")
      .optional(),
  ),
  page: pageParamSchema,
});

export type ContributionFilterInput = z.input<typeof contributionFilterSchema>;
export type ContributionFilter = z.output<typeof contributionFilterSchema>;
export type ContributionFilterKey = keyof ContributionFilter;

const KEYS = Object.keys(contributionFilterSchema.shape) as ContributionFilterKey[];

/**
 * Reads the filters from a query string without ever failing: a value that
 * does not parse (a hand-edited address) is left out and reported, so the page
 * can say so next to its field and show the rest.
 */
export function readContributionFilters(params: Partial<Record<ContributionFilterKey, string | undefined>>): {
  filters: ContributionFilter;
  errors: Partial<Record<ContributionFilterKey, string>>;
} {
  const errors: Partial<Record<ContributionFilterKey, string>> = {};
  const values: Record<string, unknown> = {};
  for (const key of KEYS) {
    const result = contributionFilterSchema.shape[key].safeParse(params[key]);
    if (result.success) values[key] = result.data;
    else errors[key] = result.error.issues[0]?.message ?? "This value is not valid.";
  }
  return { filters: contributionFilterSchema.parse(values), errors };
}

/** The address of a page of results with these filters ("" for the defaults). */
export function contributionFilterQuery(filters: ContributionFilter, page = filters.page): string {
  const search = new URLSearchParams();
  for (const key of ["q", "type", "country", "phase", "language"] as const) {
    const value = filters[key];
    if (value) search.set(key, value);
  }
  if (page > 1) search.set("page", String(page));
  const text = search.toString();
  return text ? `?${text}` : "";
}

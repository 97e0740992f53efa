import { z } from "zod";
import { contributionFilterSchema } from "@/lib/contributions/filter-schema";
import { firstParam, pageParamSchema, type SearchParams } from "@/lib/search-params";

// Filters and order of the moderation queue. They come from a GET form (and
// travel on to the review page, so "next" follows the same queue): every
// value arrives as a string and "" means "any".

export const QUEUE_PAGE_SIZE = 25;

export const QUEUE_STATUSES = ["pending", "reported"] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

export const QUEUE_STATUS_LABELS: Record<QueueStatus, string> = {
  pending: "Waiting for a first decision",
  reported: "Published and reported",
};

export const QUEUE_REPORTS = ["with", "without"] as const;
export type QueueReports = (typeof QUEUE_REPORTS)[number];

export const QUEUE_REPORTS_LABELS: Record<QueueReports, string> = {
  with: "With open reports",
  without: "Without open reports",
};

export const QUEUE_SORTS = ["oldest", "flags"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export const QUEUE_SORT_LABELS: Record<QueueSort, string> = {
  oldest: "Waiting longest first",
  flags: "Most reports first",
};

const emptyToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const queueFilterSchema = z.object({
  consultation: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .toLowerCase()
      .max(200, "Choose a consultation from the list.")
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Choose a consultation from the list.")
      .optional(),
  ),
  // The same values as the public list's filters, with the same messages.
  phase: contributionFilterSchema.shape.phase,
  type: contributionFilterSchema.shape.type,
  country: contributionFilterSchema.shape.country,
  language: contributionFilterSchema.shape.language,
  status: z.preprocess(emptyToUndefined, z.enum(QUEUE_STATUSES, "Choose a status from the list.").optional()),
  reports: z.preprocess(emptyToUndefined, z.enum(QUEUE_REPORTS, "Choose an option from the list.").optional()),
  sort: z.preprocess(emptyToUndefined, z.enum(QUEUE_SORTS, "Choose an order from the list.").default("oldest")),
  page: pageParamSchema,
});

export type QueueFilterInput = z.input<typeof queueFilterSchema>;
export type QueueFilter = z.output<typeof queueFilterSchema>;
export type QueueFilterKey = keyof QueueFilter;

const KEYS = Object.keys(queueFilterSchema.shape) as QueueFilterKey[];
const NARROWING_KEYS = ["consultation", "phase", "type", "country", "language", "status", "reports"] as const;

/** Whether any filter narrows the queue (the order and the page do not). */
export function isQueueFiltered(filters: QueueFilter): boolean {
  return NARROWING_KEYS.some((key) => filters[key] !== undefined);
}

/**
 * Reads the filters from a page's query string without ever failing: a value that
 * does not parse (a hand-edited address) is left out and reported, so the page
 * can say so next to its field and show the rest.
 */
export function readQueueFilters(params: SearchParams): {
  filters: QueueFilter;
  errors: Partial<Record<QueueFilterKey, string>>;
} {
  const errors: Partial<Record<QueueFilterKey, string>> = {};
  const values = Object.fromEntries(
    KEYS.map((key) => {
      const result = queueFilterSchema.shape[key].safeParse(firstParam(params[key]));
      if (!result.success) errors[key] = result.error.issues[0]?.message ?? "This value is not valid.";
      return [key, result.success ? result.data : undefined];
    }),
  );
  return { filters: queueFilterSchema.parse(values), errors };
}

/**
 * The query string of these filters ("" for the defaults), for a page of the
 * queue or for a review page that keeps the queue's filters for "next".
 */
export function queueFilterQuery(filters: QueueFilter, page: number | null = filters.page): string {
  const search = new URLSearchParams();
  for (const key of NARROWING_KEYS) {
    const value = filters[key];
    if (value) search.set(key, value);
  }
  if (filters.sort !== "oldest") search.set("sort", filters.sort);
  if (page !== null && page > 1) search.set("page", String(page));
  const text = search.toString();
  return text ? `?${text}` : "";
}

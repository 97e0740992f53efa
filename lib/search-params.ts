import { z } from "zod";

// Next.js hands a page its query string as string | string[] | undefined per
// key; forms here send each key once, so a repeated key keeps its first value.
export type SearchParams = Record<string, string | string[] | undefined>;

export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** A page number from a list's address (a GET form): 1 when absent or empty. */
export const pageParamSchema = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
  z.coerce
    .number("The page must be a number.")
    .int("The page must be a whole number.")
    .min(1, "The page must be 1 or more.")
    .max(100_000, "This page does not exist.")
    .default(1),
);

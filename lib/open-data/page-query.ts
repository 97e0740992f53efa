import { z } from "zod";
import { validationError } from "@/lib/errors";

// The query of a paginated open-data list: ?limit= (1–100, 50 by default) and
// ?cursor=, the opaque token a previous page gave in links.next. A cursor is
// base64url of "<kind>:<position>" so that a client treats it as a token, and
// a token of one list cannot be mistaken for one of another.

export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 100;

export type CursorKind = "contribution" | "consultation" | "summary";

export function encodeCursor(kind: CursorKind, position: string | number): string {
  return Buffer.from(`${kind}:${position}`, "utf8").toString("base64url");
}

const CURSOR_MESSAGE = "This cursor is not valid: use the links.next address of the previous page as it is.";

/** What a cursor of this kind points after, or undefined when it is not one. */
function decodeCursor(kind: CursorKind, cursor: string): string | undefined {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) return undefined;
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const prefix = `${kind}:`;
  return text.startsWith(prefix) ? text.slice(prefix.length) : undefined;
}

// An empty query value (?limit=) counts as absent, as in the site's own lists.
const absentWhenEmpty = (value: unknown) => (value === null || value === "" ? undefined : value);

const LIMIT_MESSAGE = `The limit must be a whole number from 1 to ${MAX_PAGE_LIMIT}.`;

// Digits only: Number() would also take "1e1", " 10" or "0x10".
const limitSchema = z.preprocess(
  absentWhenEmpty,
  z
    .string(LIMIT_MESSAGE)
    .regex(/^\d{1,3}$/, LIMIT_MESSAGE)
    .transform(Number)
    .pipe(z.number().min(1, LIMIT_MESSAGE).max(MAX_PAGE_LIMIT, LIMIT_MESSAGE))
    .default(DEFAULT_PAGE_LIMIT),
);

function cursorField<T>(kind: CursorKind, read: (position: string) => T | undefined) {
  return z.preprocess(
    absentWhenEmpty,
    z
      .string()
      .transform((cursor, context) => {
        const position = decodeCursor(kind, cursor);
        const value = position === undefined ? undefined : read(position);
        if (value === undefined) {
          context.addIssue({ code: "custom", message: CURSOR_MESSAGE });
          return z.NEVER;
        }
        return value;
      })
      .optional(),
  );
}

/** Contributions are read in the order of their reference number (the order they were submitted in). */
export const contributionPageSchema = z.object({
  limit: limitSchema,
  cursor: cursorField("contribution", (position) =>
    /^\d{1,10}$/.test(position) && Number(position) <= 2_147_483_647 ? Number(position) : undefined,
  ),
});

/** A consultation's published summaries are read newest first: the cursor is the version a page ended on. */
export const summaryPageSchema = z.object({
  limit: limitSchema,
  cursor: cursorField("summary", (position) => (/^[1-9]\d{0,8}$/.test(position) ? Number(position) : undefined)),
});

/** Consultations are read in the order of their slug. */
export const consultationPageSchema = z.object({
  limit: limitSchema,
  cursor: cursorField("consultation", (position) => (position === "" ? undefined : position)),
});

export const QUERY_ERROR_MESSAGE = "The query is not valid: fieldErrors names each parameter at fault.";

/** Parses a list's query, or throws a VALIDATION AppError (422) naming the parameters at fault. */
export function parseListQuery<T extends z.ZodType>(schema: T, input: PageQueryInput): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error, QUERY_ERROR_MESSAGE);
  return result.data;
}

export type PageQueryInput = { limit?: string | null; cursor?: string | null };

/** The two query parameters of a list's address, as the schemas above take them. */
export function pageQueryOf(request: Request): PageQueryInput {
  const { searchParams } = new URL(request.url);
  return { limit: searchParams.get("limit"), cursor: searchParams.get("cursor") };
}

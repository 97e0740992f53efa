import { z } from "zod";

// One error type for expected failures and one mapper to HTTP and form
// responses (STYLE.md, convention 6).

export type AppErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "VALIDATION"
  | "CONFLICT"
  | "RATE_LIMITED"
  | "INVALID_STATE"
  | "PAYLOAD_TOO_LARGE";

const STATUS: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 422,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INVALID_STATE: 409,
  PAYLOAD_TOO_LARGE: 413,
};

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: AppErrorCode,
    readonly userMessage: string,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(userMessage);
    this.name = "AppError";
    this.status = STATUS[code];
  }
}

export const unauthenticated = () => new AppError("UNAUTHENTICATED", "Please sign in to continue.");
export const forbidden = () => new AppError("FORBIDDEN", "You do not have permission to do this.");
export const notFound = (what = "This page") => new AppError("NOT_FOUND", `${what} could not be found.`);

export function validationError(error: z.ZodError, message = "Please correct the highlighted fields."): AppError {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join(".") : "_form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return new AppError("VALIDATION", message, fieldErrors);
}

/** Parses with a zod schema and throws a VALIDATION AppError on failure. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error);
  return result.data;
}

/** parseInput for schemas with asynchronous checks (a password's strength). */
export async function parseInputAsync<T extends z.ZodType>(schema: T, input: unknown): Promise<z.output<T>> {
  const result = await schema.safeParseAsync(input);
  if (!result.success) throw validationError(result.error);
  return result.data;
}

/** Prisma's P2002: a unique constraint refused the write. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002";
}

export type ErrorBody = { error: { code: AppErrorCode | "INTERNAL"; message: string; fieldErrors?: FieldErrors } };

/** Maps any thrown value to a status and a body safe to show to the caller. */
export function toErrorResponse(error: unknown, context: Record<string, unknown> = {}): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    const body: ErrorBody = { error: { code: error.code, message: error.userMessage } };
    if (Object.keys(error.fieldErrors).length > 0) body.error.fieldErrors = error.fieldErrors;
    return { status: error.status, body };
  }
  if (error instanceof z.ZodError) return toErrorResponse(validationError(error), context);
  if (isUniqueViolation(error)) {
    return { status: 409, body: { error: { code: "CONFLICT", message: "This already exists." } } };
  }
  // Unknown: log with context, never echo internals to the caller.
  console.error("Unexpected error", context, error);
  return { status: 500, body: { error: { code: "INTERNAL", message: "Something went wrong on our side. Please try again." } } };
}

/** A refused server action: what to say, and the fields it is about. */
export type ActionFailure = { ok: false; message: string; fieldErrors?: FieldErrors };

/** Result of a server action called from a form. */
export type ActionResult<T = undefined> = { ok: true; data: T; message?: string } | ActionFailure;

export function toActionError(error: unknown, context: Record<string, unknown> = {}): ActionFailure {
  const { body } = toErrorResponse(error, context);
  return { ok: false, message: body.error.message, ...(body.error.fieldErrors ? { fieldErrors: body.error.fieldErrors } : {}) };
}

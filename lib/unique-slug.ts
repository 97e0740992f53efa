import "server-only";
import { AppError } from "@/lib/errors";
import { SLUG_TAKEN_MESSAGE } from "@/lib/vocabulary/admin-fields";

// The unique index on slug is the judge (a check before the insert would
// race with another administrator). The driver adapters describe the
// violated constraint differently: PGlite names the fields, node-postgres
// the index ("Conference_slug_key").
type AdapterMeta = { driverAdapterError?: { cause?: { constraint?: { fields?: string[]; index?: string } } } };

function isSlugViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null || (error as { code?: unknown }).code !== "P2002") return false;
  const constraint = ((error as { meta?: AdapterMeta }).meta ?? {}).driverAdapterError?.cause?.constraint;
  return Boolean(constraint?.fields?.includes("slug") || constraint?.index?.endsWith("_slug_key"));
}

/** Runs a write and turns a duplicate slug into a 409 with the message on the slug field. */
export async function withUniqueSlug<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isSlugViolation(error)) throw new AppError("CONFLICT", SLUG_TAKEN_MESSAGE, { slug: [SLUG_TAKEN_MESSAGE] });
    throw error;
  }
}

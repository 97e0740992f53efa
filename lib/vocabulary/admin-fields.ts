import { z } from "zod";
import { EARLIEST_YEAR, isTimeZone, LATEST_YEAR, zonedTimeToUtc } from "@/lib/vocabulary/time-zones";

// The pieces every admin form with a title, a slug and local dates needs
// (conferences and consultations), checked the same way in the browser and
// on the server.

export const SLUG_MESSAGE = "Use lower-case letters a–z, digits and single hyphens, for example ai-act-2026.";
export const SLUG_TAKEN_MESSAGE = "This slug is already used";

export const slugField = z
  .string("Give it a slug.")
  .trim()
  .toLowerCase()
  .min(3, "The slug needs at least 3 characters.")
  .max(80, "Keep the slug to 80 characters or fewer.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, SLUG_MESSAGE);

/** A slug suggestion from a title: "AI & Skills 2026" → "ai-skills-2026". */
export function slugify(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
}

export const titleField = z
  .string("Give it a title.")
  .trim()
  .min(3, "The title needs at least 3 characters.")
  .max(200, "Keep the title to 200 characters or fewer.");

export const timeZoneField = z
  .string("Choose a time zone.")
  .trim()
  .min(1, "Choose a time zone.")
  .refine(isTimeZone, "Choose a time zone from the list (an IANA name such as Europe/Brussels).");

export const localDateTimeField = z.string("Enter a date and time.").trim().min(1, "Enter a date and time.");

export type Issues = { addIssue(issue: { code: "custom"; path: string[]; message: string }): void };

/**
 * Converts two local date-times in one zone to UTC and reports, on the field
 * concerned, a date that is not valid, does not exist in the zone, or an end
 * that is not after the start. Returns the instants when both are fine.
 */
export function checkWindow(
  values: Record<string, unknown>,
  fields: { start: string; end: string; timeZone: string },
  messages: { order: string },
  ctx: Issues,
): { start: Date; end: Date } | null {
  const timeZone = values[fields.timeZone];
  if (typeof timeZone !== "string" || !isTimeZone(timeZone)) return null;
  const convert = (field: string) => {
    const value = values[field];
    if (typeof value !== "string" || value === "") return null;
    const result = zonedTimeToUtc(value, timeZone);
    if (result.ok) return result.date;
    const message = {
      INVALID: "Enter a valid date and time.",
      OUT_OF_RANGE: `Enter a date between ${EARLIEST_YEAR} and ${LATEST_YEAR}.`,
      UNKNOWN_ZONE: "Choose a time zone from the list.",
      SKIPPED: `This time does not exist in ${timeZone.replaceAll("_", " ")}: the clocks go forward then. Choose a time an hour later.`,
    }[result.reason];
    ctx.addIssue({ code: "custom", path: [field], message });
    return null;
  };
  const start = convert(fields.start);
  const end = convert(fields.end);
  if (!start || !end) return null;
  if (end.getTime() <= start.getTime()) {
    ctx.addIssue({ code: "custom", path: [fields.end], message: messages.order });
    return null;
  }
  return { start, end };
}

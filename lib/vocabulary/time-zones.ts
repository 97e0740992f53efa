// Local wall-clock times in an IANA time zone, for the admin forms: an
// administrator types "1 December 2026, 09:00" for a conference in Brussels
// and the server stores the instant in UTC. Pure Intl, so the same code runs
// in the browser (the form's checks) and on the server (the conversion that
// counts).

/** A `<input type="datetime-local">` value: YYYY-MM-DDTHH:mm (seconds allowed). */
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export const EARLIEST_YEAR = 2000;
export const LATEST_YEAR = 2100;

// Node's ICU leaves "UTC" out of Intl.supportedValuesOf and, depending on its
// version, lists "Europe/Kiev" where a newer browser lists "Europe/Kyiv". A
// name counts as valid when the engine lists it, or when the engine accepts
// it and resolves it to a name it lists (an alias); offsets such as "+01:00"
// are refused: a fixed offset has no daylight-saving rules and is not a zone.
let supported: Set<string> | undefined;

function supportedTimeZones(): Set<string> {
  supported ??= new Set(Intl.supportedValuesOf("timeZone"));
  return supported;
}

export function isTimeZone(name: string): boolean {
  if (name === "UTC") return true;
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(name)) return false;
  if (supportedTimeZones().has(name)) return true;
  try {
    return supportedTimeZones().has(new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone);
  } catch {
    return false;
  }
}

/** The zones an administrator can choose from, UTC first, then by name. */
export function timeZoneOptions(): string[] {
  return ["UTC", ...[...supportedTimeZones()].filter((name) => name !== "UTC").sort()];
}

type WallTime = { year: number; month: number; day: number; hour: number; minute: number; second: number };

export function parseLocalDateTime(text: string): WallTime | null {
  const match = LOCAL_DATE_TIME.exec(text);
  if (!match) return null;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = match.slice(1).map((part) => Number(part ?? 0));
  if (hour > 23 || minute > 59 || second > 59) return null;
  // Date.UTC rolls 31 April over to 1 May: a date that does not round-trip does not exist.
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return { year, month, day, hour, minute, second };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** What the clocks in `timeZone` show at `instant`, as milliseconds of a UTC calendar. */
function wallClockAt(instant: number, timeZone: string): number {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, format);
  }
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of format.formatToParts(instant)) parts[part.type] = Number(part.value);
  return Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
}

export type ZonedConversion =
  | { ok: true; date: Date }
  | { ok: false; reason: "INVALID" | "OUT_OF_RANGE" | "UNKNOWN_ZONE" | "SKIPPED" };

/**
 * The UTC instant at which the clocks in `timeZone` show `local`.
 *
 * The zone's offset is looked up a day either side of the wall time (no zone
 * changes its offset twice within two days); each offset gives a candidate
 * instant, and the candidates whose wall time is `local` are the answers.
 * None: the clocks skip that time (spring forward) and it is refused rather
 * than moved, so an administrator never gets a time they did not type. Two:
 * the time happens twice (fall back) and the first one is taken, as a
 * calendar does.
 */
export function zonedTimeToUtc(local: string, timeZone: string): ZonedConversion {
  const wall = parseLocalDateTime(local);
  if (!wall) return { ok: false, reason: "INVALID" };
  if (wall.year < EARLIEST_YEAR || wall.year > LATEST_YEAR) return { ok: false, reason: "OUT_OF_RANGE" };
  if (!isTimeZone(timeZone)) return { ok: false, reason: "UNKNOWN_ZONE" };
  const target = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const offsets = new Set([target - DAY, target + DAY].map((instant) => wallClockAt(instant, timeZone) - instant));
  const matches = [...offsets]
    .map((offset) => target - offset)
    .filter((instant) => wallClockAt(instant, timeZone) === target)
    .sort((a, b) => a - b);
  const first = matches[0];
  return first === undefined ? { ok: false, reason: "SKIPPED" } : { ok: true, date: new Date(first) };
}

/** `instant` as the clocks in `timeZone` show it, in the datetime-local format (to the minute). */
export function utcToZonedTime(instant: Date, timeZone: string): string {
  return new Date(wallClockAt(instant.getTime(), timeZone)).toISOString().slice(0, 16);
}

/** For values a schema has already checked with zonedTimeToUtc: the instant, or an error if that check was skipped. */
export function checkedZonedTimeToUtc(local: string, timeZone: string): Date {
  const result = zonedTimeToUtc(local, timeZone);
  if (!result.ok) throw new Error(`Unchecked local time ${local} in ${timeZone}: ${result.reason}`);
  return result.date;
}

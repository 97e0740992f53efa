// Wall-clock time in an IANA zone to a UTC instant, with Intl only: the seed
// schedules "09:00 in Brussels, three weeks from today" and must get the
// daylight-saving offset of that day right.

function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

export type CalendarDay = { year: number; month: number; day: number };

/** The calendar day `instant` falls on in `timeZone`, shifted by `days`. */
export function dayInZone(instant: Date, timeZone: string, days = 0): CalendarDay {
  const shifted = new Date(instant.getTime() + offsetMinutes(instant, timeZone) * 60_000);
  const date = new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate() + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** The instant at which the clocks in `timeZone` show `hour:minute` on `day`. */
export function zonedTime(day: CalendarDay, hour: number, minute: number, timeZone: string): Date {
  const guess = Date.UTC(day.year, day.month - 1, day.day, hour, minute);
  const first = guess - offsetMinutes(new Date(guess), timeZone) * 60_000;
  // Near a daylight-saving change the offset at the result can differ from
  // the offset at the guess; one correction settles it.
  return new Date(guess - offsetMinutes(new Date(first), timeZone) * 60_000);
}

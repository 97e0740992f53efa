// Date formatting shared by pages: always with an explicit time zone, so a
// server in UTC and a reader in Tokyo see the same, labelled, time.

export function formatDate(date: Date, timeZone = "UTC"): string {
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone }).format(date);
}

export function formatDateTime(date: Date, timeZone = "UTC"): string {
  // dateStyle/timeStyle cannot be combined with timeZoneName: spell the parts out.
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(date);
}

export function formatDateRange(start: Date, end: Date, timeZone = "UTC"): string {
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone }).formatRange(start, end);
}

const countFormat = new Intl.NumberFormat("en-GB");
const shareFormat = new Intl.NumberFormat("en-GB", { style: "percent", maximumFractionDigits: 1 });

/** A count with thousands separators, as the summary's tables and report show it. */
export function formatCount(count: number): string {
  return countFormat.format(count);
}

/** A fraction from 0 to 1 as a percentage, to one decimal. */
export function formatShare(share: number): string {
  return shareFormat.format(share);
}

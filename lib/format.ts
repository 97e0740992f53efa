// Date formatting shared by pages: always with an explicit time zone, so a
// server in UTC and a reader in Tokyo see the same, labelled, time.

export function formatDate(date: Date, timeZone = "UTC"): string {
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone }).format(date);
}

export function formatDateTime(date: Date, timeZone = "UTC"): string {
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone, timeZoneName: "short" }).format(date);
}

export function formatDateRange(start: Date, end: Date, timeZone = "UTC"): string {
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone }).formatRange(start, end);
}

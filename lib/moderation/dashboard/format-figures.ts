// How the dashboard writes its figures. Words rather than unit symbols, so a
// screen reader reads "2 hours 5 minutes", not "2 h 5 min".

const UNITS = [
  { seconds: 86_400, one: "day", many: "days" },
  { seconds: 3_600, one: "hour", many: "hours" },
  { seconds: 60, one: "minute", many: "minutes" },
] as const;

/** A duration in its two largest units, rounded down: "3 days 4 hours", "2 hours", "12 minutes". */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return "less than a minute";
  const parts: string[] = [];
  let rest = Math.floor(seconds);
  for (const unit of UNITS) {
    const count = Math.floor(rest / unit.seconds);
    rest -= count * unit.seconds;
    if (count > 0 || parts.length > 0) parts.push(`${count} ${count === 1 ? unit.one : unit.many}`);
    if (parts.length === 2) break;
  }
  return parts.filter((part) => !part.startsWith("0 ")).join(" ");
}

/** The share of `part` in `whole` as a whole percentage, or null when there is nothing to share. */
export function percentage(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 100) : null;
}

// How long a contribution has waited, short enough for a table cell:
// "3 h 20 min", "2 days 4 h". Pure: the page passes its own clock, so the
// server's rendering and the browser's hydration read the same.

const MINUTE = 60_000;

export function formatWaiting(since: Date, now: Date): string {
  const total = Math.floor((now.getTime() - since.getTime()) / MINUTE);
  if (total < 1) return "less than a minute";
  const days = Math.floor(total / (24 * 60));
  const hours = Math.floor((total % (24 * 60)) / 60);
  const minutes = total % 60;
  if (days > 0) return `${days} ${days === 1 ? "day" : "days"}${hours > 0 ? ` ${hours} h` : ""}`;
  if (hours > 0) return `${hours} h${minutes > 0 ? ` ${minutes} min` : ""}`;
  return `${minutes} min`;
}

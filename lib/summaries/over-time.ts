// The time chart of a summary, from the contributions counted per local day.
// Pure and isomorphic: compute-statistics.ts counts the days in SQL (a few
// hundred rows at most) and this shapes them.
//
// Why a final stretch: a consultation that runs for months is drawn by week
// (a column per day would be too thin to read), but input comes in surges
// before the deadline (on the real consultation of issue 11, a third of all
// contributions came on the last day), and a weekly column folds that day
// into six others. So a weekly series always comes with its last
// FINAL_STRETCH_DAYS days by day, up to the last contribution's: always,
// rather than when the last days hold "a disproportionate share", which
// would need a threshold that no one consultation should pick. Two series,
// each of one unit with its own axis (contributions per week; per day),
// rather than one axis mixing columns a week wide and a day wide, whose
// heights could not be compared.

/** Daily points up to this many days between the first and the last contribution, weekly beyond. */
export const DAILY_SPAN_DAYS = 60;

/** How many of the last days a weekly series also shows by day. */
export const FINAL_STRETCH_DAYS = 14;

export type TimePoint = {
  /** First day of the bucket (a Monday for weeks), YYYY-MM-DD in `timeZone`. */
  start: string;
  count: number;
};

/** The last days by day, beside a weekly series. */
export type FinalStretch = {
  /** How many days: FINAL_STRETCH_DAYS, or fewer when the series is shorter. */
  days: number;
  /** Every day up to the last contribution's, empty ones included. */
  points: TimePoint[];
  /** Contributions in these days, and their share of all counted. */
  count: number;
  share: number;
};

export type OverTime = {
  unit: "day" | "week";
  /** The conference's time zone, or UTC for a consultation without one: days begin at its midnight. */
  timeZone: string;
  /** Every bucket from the first contribution's to the last one's, empty ones included; none without contributions. */
  points: TimePoint[];
  /**
   * A weekly series' last days by day; null for a daily series (every day
   * is shown already), and for versions published before it was counted
   * (formats 1 to 3).
   */
  finalStretch: FinalStretch | null;
};

const DAY_MS = 24 * 60 * 60 * 1000;

// Local dates as UTC midnights: whole-day arithmetic with no time zone to move them.
const toTime = (day: string) => Date.parse(`${day}T00:00:00Z`);
const toDay = (time: number) => new Date(time).toISOString().slice(0, 10);
const mondayOf = (time: number) => time - ((new Date(time).getUTCDay() + 6) % 7) * DAY_MS;

/** Every bucket from the first day's to the last day's, empty ones included; `days` are the counts per local day (YYYY-MM-DD). */
export function overTimeOf(days: { day: string; count: number }[], timeZone: string): OverTime {
  if (days.length === 0) return { unit: "day", timeZone, points: [], finalStretch: null };
  const counts = new Map<number, number>();
  for (const { day, count } of days) counts.set(toTime(day), (counts.get(toTime(day)) ?? 0) + count);
  const times = [...counts.keys()];
  const first = Math.min(...times);
  const last = Math.max(...times);
  const total = days.reduce((sum, day) => sum + day.count, 0);
  const daily = (from: number): TimePoint[] => {
    const points: TimePoint[] = [];
    for (let time = from; time <= last; time += DAY_MS) points.push({ start: toDay(time), count: counts.get(time) ?? 0 });
    return points;
  };
  if (last - first <= DAILY_SPAN_DAYS * DAY_MS) return { unit: "day", timeZone, points: daily(first), finalStretch: null };

  const weeks = new Map<number, number>();
  for (const [time, count] of counts) weeks.set(mondayOf(time), (weeks.get(mondayOf(time)) ?? 0) + count);
  const points: TimePoint[] = [];
  for (let time = mondayOf(first); time <= last; time += 7 * DAY_MS) points.push({ start: toDay(time), count: weeks.get(time) ?? 0 });
  const stretch = daily(last - (FINAL_STRETCH_DAYS - 1) * DAY_MS);
  const count = stretch.reduce((sum, point) => sum + point.count, 0);
  return { unit: "week", timeZone, points, finalStretch: { days: stretch.length, points: stretch, count, share: total === 0 ? 0 : count / total } };
}

import { FigureRow, FigureTable, formatCount } from "@/components/moderation-dashboard/table-parts";
import type { DayDecisions } from "@/lib/moderation/dashboard/get-moderation-dashboard";

type Props = { days: DayDecisions[]; period: string };

const KINDS = [
  { key: "approved", label: "Approved" },
  { key: "rejected", label: "Rejected" },
  { key: "hidden", label: "Hidden" },
  { key: "restored", label: "Restored" },
  { key: "reportsDismissed", label: "Reports dismissed" },
] as const;

const dayLabel = (day: string) =>
  new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));

// The chart's drawing units; the SVG scales to the width of its container.
const WIDTH = 600;
const HEIGHT = 160;
const AXIS = 20;

/**
 * A bar per day for the total, drawn inline (no script, no CDN). It repeats
 * the table below it, which holds every figure: the chart is named as an
 * image and says so, and screen readers read the table.
 */
function DecisionsChart({ days, period }: Props) {
  const highest = Math.max(1, ...days.map((day) => day.total));
  const slot = WIDTH / Math.max(1, days.length);
  const first = days[0];
  const last = days.at(-1);
  return (
    <figure className="mt-3">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT + AXIS}`}
        role="img"
        aria-label={`Bar chart of the decisions per day ${period}, at most ${formatCount(highest)} a day. The table below gives every figure.`}
        className="h-auto w-full max-w-3xl"
      >
        {days.map((day, index) => {
          const height = (day.total / highest) * (HEIGHT - 10);
          return height > 0 ? (
            <rect key={day.day} x={index * slot + slot * 0.15} y={HEIGHT - height} width={slot * 0.7} height={height} className="fill-brand-600" />
          ) : null;
        })}
        <line x1={0} x2={WIDTH} y1={HEIGHT} y2={HEIGHT} className="stroke-slate-500" strokeWidth={1} />
        <text x={0} y={10} className="fill-slate-700 text-[11px]">
          {formatCount(highest)}
        </text>
        {first ? (
          <text x={0} y={HEIGHT + 15} className="fill-slate-700 text-[11px]">
            {dayLabel(first.day)}
          </text>
        ) : null}
        {last ? (
          <text x={WIDTH} y={HEIGHT + 15} textAnchor="end" className="fill-slate-700 text-[11px]">
            {dayLabel(last.day)}
          </text>
        ) : null}
      </svg>
      <figcaption className="mt-1 text-sm text-slate-700">Decisions per day, all kinds together. The table below gives each kind.</figcaption>
    </figure>
  );
}

/** The decisions of each day of the window, as a chart and as the table it stands for. */
export function DailyDecisions({ days, period }: Props) {
  const sums = Object.fromEntries(KINDS.map(({ key }) => [key, days.reduce((sum, day) => sum + day[key], 0)]));
  const total = days.reduce((sum, day) => sum + day.total, 0);
  return (
    <>
      <DecisionsChart days={days} period={period} />
      <FigureTable
        caption={`Decisions per day ${period}, days in UTC, days without decisions included.`}
        columns={["Day", ...KINDS.map((kind) => kind.label), "All decisions"]}
        footer={<FigureRow label={`All ${days.length} days`} values={[...KINDS.map(({ key }) => formatCount(sums[key] ?? 0)), formatCount(total)]} total />}
      >
        {days.map((day) => (
          <FigureRow
            key={day.day}
            label={<time dateTime={day.day}>{dayLabel(day.day)}</time>}
            values={[...KINDS.map(({ key }) => formatCount(day[key])), formatCount(day.total)]}
          />
        ))}
      </FigureTable>
    </>
  );
}

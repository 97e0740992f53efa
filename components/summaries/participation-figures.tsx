import { Breakdown, type TextRow } from "@/components/summaries/breakdown";
import { FigureTable } from "@/components/summaries/figure-table";
import { formatCount, formatShare } from "@/lib/format";
import { TimeSeriesChart } from "@/components/summaries/time-series-chart";
import type { FinalStretch, SummaryStatistics, TimePoint } from "@/lib/summaries/compute-statistics";

// Who took part, from where, when and in which language: the breakdowns of
// a summary's contributions, each as a chart and a table.

const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const longDayFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

// Buckets are local dates (YYYY-MM-DD) already: read and written in UTC so no
// time zone moves them by a day.
function bucketDate(point: TimePoint): Date {
  return new Date(`${point.start}T00:00:00Z`);
}

/** Longer series are folded away under their chart: the table is there for who needs it. */
const FOLD_AFTER_POINTS = 14;

type Props = {
  statistics: SummaryStatistics;
  /** False for a consultation without a conference: phases mean nothing there. */
  showPhases: boolean;
};

export function ParticipationFigures({ statistics, showPhases }: Props) {
  const { total, overTime } = statistics;
  const countries = statistics.byCountry.filter((row) => row.code !== null).length;
  const types = statistics.byStakeholderType.filter((row) => row.key !== null).length;
  const unit = overTime.unit;
  const timeRows = overTime.points.map((point) => ({
    key: point.start,
    label: (
      <time dateTime={point.start}>
        {unit === "week" ? "Week of " : ""}
        {longDayFormat.format(bucketDate(point))}
      </time>
    ),
    count: point.count,
    share: total === 0 ? 0 : point.count / total,
  }));
  const timeTable = (
    <FigureTable
      caption={`Contributions per ${unit}, ${overTime.timeZone.replaceAll("_", " ")} time`}
      labelHeader={unit === "week" ? "Week" : "Day"}
      rows={timeRows}
    />
  );
  const busiest = overTime.points.reduce<TimePoint | null>((best, point) => (best === null || point.count > best.count ? point : best), null);

  return (
    <div>
      <p className="mt-3 text-lg" id="summary-total">
        <strong className="text-3xl font-bold tabular-nums">{formatCount(total)}</strong> approved{" "}
        {total === 1 ? "contribution" : "contributions"}
        {total > 0 ? (
          <>
            {" "}
            from {countries} {countries === 1 ? "country" : "countries"} and {types} {types === 1 ? "stakeholder type" : "stakeholder types"}.
          </>
        ) : (
          "."
        )}
      </p>

      {breakdowns(statistics)
        .filter((breakdown) => breakdown.id !== "by-phase" || (showPhases && breakdown.rows.length > 0))
        .map((breakdown) => (
        <Breakdown key={breakdown.id} {...breakdown} />
      ))}

      <section aria-labelledby="over-time-heading" className="mt-6">
        <h3 id="over-time-heading" className="text-xl font-semibold">
          Over time
        </h3>
        {overTime.points.length === 0 ? (
          <p className="mt-2 text-slate-700">No contribution to count.</p>
        ) : (
          <>
            <p className="mt-2 text-slate-700">
              Contributions per {unit} from{" "}
              <time dateTime={overTime.points[0]?.start}>{longDayFormat.format(bucketDate(overTime.points[0] as TimePoint))}</time> to{" "}
              <time dateTime={overTime.points.at(-1)?.start}>{longDayFormat.format(bucketDate(overTime.points.at(-1) as TimePoint))}</time>
              {busiest ? (
                <>
                  ; the most {unit === "week" ? "in the week of" : "on"} {longDayFormat.format(bucketDate(busiest))} ({formatCount(busiest.count)})
                </>
              ) : null}
              .
            </p>
            <TimeSeriesChart
              points={overTime.points.map((point) => ({ label: `${unit === "week" ? "w/c " : ""}${dayFormat.format(bucketDate(point))}`, count: point.count }))}
              label="Over time"
              unit={unit}
            />
            {overTime.points.length > FOLD_AFTER_POINTS ? (
              <details className="mt-2">
                <summary className="cursor-pointer font-medium text-brand-700">
                  Table of the {overTime.points.length} {unit === "week" ? "weeks" : "days"}
                </summary>
                {timeTable}
              </details>
            ) : (
              timeTable
            )}
            {overTime.finalStretch ? <FinalStretchFigures stretch={overTime.finalStretch} timeZone={overTime.timeZone} total={total} /> : null}
          </>
        )}
      </section>
    </div>
  );
}

/**
 * A weekly series' last days, day by day, on an axis of their own: a surge
 * before the deadline is one column among seven in its week (over-time.ts).
 */
function FinalStretchFigures({ stretch, timeZone, total }: { stretch: FinalStretch; timeZone: string; total: number }) {
  const last = stretch.points.at(-1);
  const lastShare = last && total > 0 ? last.count / total : 0;
  const rows = stretch.points.map((point) => ({
    key: point.start,
    label: <time dateTime={point.start}>{longDayFormat.format(bucketDate(point))}</time>,
    count: point.count,
    share: total === 0 ? 0 : point.count / total,
  }));
  return (
    <section aria-labelledby="final-stretch-heading" className="mt-6">
      <h4 id="final-stretch-heading" className="text-lg font-semibold">
        The last {stretch.days} days, by day
      </h4>
      <p className="mt-2 text-slate-700" id="final-stretch-summary">
        {formatCount(stretch.count)} of {formatCount(total)} contributions ({formatShare(stretch.share)}) came in the last {stretch.days} days
        {last ? (
          <>
            , {formatCount(last.count)} ({formatShare(lastShare)}) on the last day,{" "}
            <time dateTime={last.start}>{longDayFormat.format(bucketDate(last))}</time>
          </>
        ) : null}
        .
      </p>
      <TimeSeriesChart
        points={stretch.points.map((point) => ({ label: dayFormat.format(bucketDate(point)), count: point.count }))}
        label="The last days"
        unit="day"
      />
      <FigureTable caption={`Contributions per day in the last ${stretch.days} days, ${timeZone.replaceAll("_", " ")} time`} labelHeader="Day" rows={rows} shareHeader="Share of all" />
    </section>
  );
}

type BreakdownSpec = { id: string; title: string; caption: string; labelHeader: string; rows: TextRow[]; restLabel?: (count: number) => string };

function breakdowns(statistics: SummaryStatistics): BreakdownSpec[] {
  return [
    {
      id: "by-type",
      title: "By stakeholder type",
      caption: "Contributions by the stakeholder type of their authors",
      labelHeader: "Stakeholder type",
      rows: statistics.byStakeholderType.map((row) => ({ key: row.key ?? "none", label: row.label, count: row.count, share: row.share })),
    },
    {
      id: "by-country",
      title: "By country",
      caption: "Contributions by the country of their authors, most first",
      labelHeader: "Country",
      rows: statistics.byCountry.map((row) => ({ key: row.code ?? "none", label: row.name, count: row.count, share: row.share })),
      restLabel: (count) => `${count} other ${count === 1 ? "country" : "countries"}`,
    },
    {
      id: "by-phase",
      title: "By phase of the conference",
      caption: "Contributions by when they were submitted: before, during or after the conference",
      labelHeader: "Phase",
      rows: statistics.byPhase.map((row) => ({ key: row.key, label: row.label, count: row.count, share: row.share })),
    },
    {
      id: "by-language",
      title: "By language",
      caption: "Contributions by the language they are written in",
      labelHeader: "Language",
      rows: statistics.byLanguage.map((row) => ({ key: row.code, label: row.name, count: row.count, share: row.share })),
      restLabel: (count) => `${count} other ${count === 1 ? "language" : "languages"}`,
    },
  ];
}

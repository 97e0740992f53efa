import type { ReactNode } from "react";
import { FigureTable, type FigureRow } from "@/components/summaries/figure-table";
import { RankedBarChart } from "@/components/summaries/ranked-bar-chart";

export type TextRow = FigureRow & { label: string };

type Props = {
  id: string;
  title: string;
  /** What the table says, for its caption. */
  caption: ReactNode;
  labelHeader: string;
  /** Plain-text labels: the chart draws them too. */
  rows: TextRow[];
  /** Bars drawn at most; the rest are summed into one bar. The table lists every row. */
  chartLimit?: number;
  restLabel?: (count: number) => string;
  shareHeader?: string;
  countHeader?: string;
  /** Said instead of the chart and table when there is nothing to count. */
  empty?: string;
  headingLevel?: 3 | 4;
};

/** One breakdown of a summary: a heading, a bar chart for the eye, and the table with the same figures. */
export function Breakdown({
  id,
  title,
  caption,
  labelHeader,
  rows,
  chartLimit = 15,
  restLabel = (count) => `${count} more`,
  shareHeader,
  countHeader,
  empty = "No contribution to count.",
  headingLevel = 3,
}: Props) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const shown = rows.slice(0, chartLimit);
  const rest = rows.slice(chartLimit);
  const chartData = shown.map((row) => ({ label: row.label, count: row.count }));
  if (rest.length > 0) chartData.push({ label: restLabel(rest.length), count: rest.reduce((total, row) => total + row.count, 0) });
  return (
    <section aria-labelledby={`${id}-heading`} className="mt-6">
      <Heading id={`${id}-heading`} className={headingLevel === 3 ? "text-xl font-semibold" : "text-lg font-semibold"}>
        {title}
      </Heading>
      {rows.length === 0 || rows.every((row) => row.count === 0) ? (
        <p className="mt-2 text-slate-700">{empty}</p>
      ) : (
        <div className="mt-2 grid gap-4 @4xl:grid-cols-2 @4xl:items-start print:block">
          <RankedBarChart data={chartData} label={title} />
          <FigureTable caption={caption} labelHeader={labelHeader} rows={rows} shareHeader={shareHeader} countHeader={countHeader} />
        </div>
      )}
    </section>
  );
}

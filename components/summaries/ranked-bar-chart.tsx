"use client";

import { Bar, BarChart, LabelList, XAxis, YAxis } from "recharts";

export type ChartDatum = { label: string; count: number };

const BAR_HEIGHT = 28;

/**
 * Horizontal bars in the order given (largest first for rankings), with each
 * count written at the end of its bar, as wide as its column. The chart is
 * decoration for sighted readers: it is hidden from assistive technology
 * because the table next to it (FigureTable) carries the same numbers, which
 * is what WCAG asks of a chart.
 */
export function RankedBarChart({ data, label }: { data: ChartDatum[]; label: string }) {
  if (data.length === 0) return null;
  const labelWidth = Math.min(200, Math.max(80, ...data.map((datum) => datum.label.length * 7)));
  return (
    <div aria-hidden="true" className="summary-chart w-full max-w-2xl" data-chart={label}>
      <BarChart
        responsive
        style={{ width: "100%", height: data.length * BAR_HEIGHT + 16 }}
        data={data}
        layout="vertical"
        margin={{ top: 4, right: 8, bottom: 4, left: 4 }}
        accessibilityLayer={false}
      >
        {/* Room after the longest bar for its count. */}
        <XAxis type="number" hide allowDecimals={false} domain={[0, (dataMax: number) => Math.max(1, Math.ceil(dataMax * 1.15))]} />
        <YAxis type="category" dataKey="label" width={labelWidth} tick={{ fill: "#0f172a", fontSize: 13 }} interval={0} />
        <Bar dataKey="count" fill="#1f4e8c" isAnimationActive={false} barSize={18}>
          <LabelList dataKey="count" position="right" fill="#0f172a" fontSize={13} />
        </Bar>
      </BarChart>
    </div>
  );
}

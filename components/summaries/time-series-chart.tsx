"use client";

import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from "recharts";

export type TimePoint = { label: string; count: number };

/**
 * Contributions per day or week as columns, as wide as the page allows; the
 * axis says which, so a weekly and a daily chart are not read on one scale.
 * Hidden from assistive technology: the table beside it has the same figures.
 */
export function TimeSeriesChart({ points, label, unit }: { points: TimePoint[]; label: string; unit: "day" | "week" }) {
  if (points.length === 0) return null;
  return (
    <div aria-hidden="true" className="summary-chart w-full max-w-4xl" data-chart={label}>
      <BarChart responsive style={{ width: "100%", height: 220 }} data={points} margin={{ top: 8, right: 8, bottom: 8, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke="#cbd5e1" />
        <XAxis dataKey="label" tick={{ fill: "#0f172a", fontSize: 12 }} minTickGap={24} />
        <YAxis
          allowDecimals={false}
          tick={{ fill: "#0f172a", fontSize: 12 }}
          width={56}
          label={{ value: `per ${unit}`, angle: -90, position: "insideLeft", fill: "#0f172a", fontSize: 12 }}
        />
        <Bar dataKey="count" fill="#1f4e8c" isAnimationActive={false} />
      </BarChart>
    </div>
  );
}

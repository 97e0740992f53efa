import type { ReactNode } from "react";
import { formatCount, formatShare } from "@/lib/format";

// The table beside every chart of a summary: the same figures as the chart,
// readable by assistive technology, copyable, and printed with the report.

export type FigureRow = { key: string; label: ReactNode; count: number; share: number };

const cell = "border-b border-slate-200 px-3 py-1.5 align-top";

type Props = {
  caption: ReactNode;
  /** Heading of the first column: what each row is (a stakeholder type, a country…). */
  labelHeader: string;
  rows: FigureRow[];
  countHeader?: string;
  /** What the shares are of, for the column heading ("of all", "of those who answered"). */
  shareHeader?: string;
};

export function FigureTable({ caption, labelHeader, rows, countHeader = "Contributions", shareHeader = "Share" }: Props) {
  return (
    <table className="summary-table mt-3 w-full max-w-2xl border-collapse text-left text-sm">
      <caption className="mb-1 text-left font-medium text-slate-800">{caption}</caption>
      <thead>
        <tr className="bg-slate-50">
          <th scope="col" className={cell}>
            {labelHeader}
          </th>
          <th scope="col" className={`${cell} text-right`}>
            {countHeader}
          </th>
          <th scope="col" className={`${cell} text-right`}>
            {shareHeader}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row" className={`${cell} font-normal`}>
              {row.label}
            </th>
            <td className={`${cell} text-right tabular-nums`}>{formatCount(row.count)}</td>
            <td className={`${cell} text-right tabular-nums`}>{formatShare(row.share)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

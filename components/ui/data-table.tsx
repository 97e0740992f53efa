import type { ReactNode } from "react";

/** The cell of a list table: a rule under each row, room around the text, top-aligned. */
export const tableCell = "border-b border-slate-200 px-3 py-3 align-top";

type Props = {
  /** What the table lists, and in which order: read first by screen readers. */
  caption: ReactNode;
  columns: readonly string[];
  /** The rows. */
  children: ReactNode;
  footer?: ReactNode;
  /** The header cell's classes, by column (figures are right-aligned, for example). */
  headerClassName?: (index: number) => string;
  className?: string;
};

/** A table of records or figures that scrolls sideways on a narrow screen, with its caption and column headers. */
export function DataTable({ caption, columns, children, footer, headerClassName = () => tableCell, className = "overflow-x-auto" }: Props) {
  return (
    <div className={className}>
      <table className="w-full border-collapse text-left text-sm">
        <caption className="mb-2 text-left text-slate-700">{caption}</caption>
        <thead>
          <tr className="bg-slate-50">
            {columns.map((column, index) => (
              <th key={column} scope="col" className={headerClassName(index)}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
        {footer ? <tfoot className="font-semibold">{footer}</tfoot> : null}
      </table>
    </div>
  );
}

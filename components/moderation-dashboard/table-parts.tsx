import type { ReactNode } from "react";

// The dashboard's tables share their look: a caption that says what the
// figures are, column headers, numbers right-aligned in tabular figures.

export const cell = "border-b border-slate-200 px-3 py-2 align-top";
export const numberCell = `${cell} text-right tabular-nums`;

export const formatCount = (value: number) => value.toLocaleString("en-GB");

export function FigureTable({ caption, columns, children, footer }: { caption: ReactNode; columns: string[]; children: ReactNode; footer?: ReactNode }) {
  return (
    <div className="mt-3 overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="mb-2 text-left text-slate-700">{caption}</caption>
        <thead>
          <tr className="bg-slate-50">
            {columns.map((column, index) => (
              <th key={column} scope="col" className={index === 0 ? cell : `${cell} text-right`}>
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

/** A row of figures under its label; `total` for the row that sums up the others. */
export function FigureRow({ label, values, total = false }: { label: ReactNode; values: ReactNode[]; total?: boolean }) {
  return (
    <tr>
      <th scope="row" className={total ? cell : `${cell} font-normal`}>
        {label}
      </th>
      {values.map((value, index) => (
        <td key={index} className={numberCell}>
          {value}
        </td>
      ))}
    </tr>
  );
}

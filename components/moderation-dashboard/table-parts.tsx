import type { ReactNode } from "react";
import { DataTable } from "@/components/ui/data-table";

// The dashboard's tables share their look: a caption that says what the
// figures are, column headers, numbers right-aligned in tabular figures.

export const cell = "border-b border-slate-200 px-3 py-2 align-top";
export const numberCell = `${cell} text-right tabular-nums`;

export const formatCount = (value: number) => value.toLocaleString("en-GB");

export function FigureTable({ caption, columns, children, footer }: { caption: ReactNode; columns: string[]; children: ReactNode; footer?: ReactNode }) {
  return (
    <DataTable caption={caption} columns={columns} footer={footer} headerClassName={(index) => (index === 0 ? cell : `${cell} text-right`)} className="mt-3 overflow-x-auto">
      {children}
    </DataTable>
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

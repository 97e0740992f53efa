import type { ComponentProps } from "react";
import { RejectionReasonControls } from "@/components/admin/rejection-reason-controls";
import { RejectionReasonRenameForm } from "@/components/admin/rejection-reason-rename-form";
import { formatDate } from "@/lib/format";
import type { AdminRejectionReason } from "@/lib/rejection-reasons/find-rejection-reasons-for-admin";
import { DataTable, tableCell } from "@/components/ui/data-table";

type Props = {
  reasons: AdminRejectionReason[];
  update: ComponentProps<typeof RejectionReasonControls>["update"];
  move: ComponentProps<typeof RejectionReasonControls>["move"];
};

export function RejectionReasonsTable({ reasons, update, move }: Props) {
  const active = reasons.filter((reason) => reason.active).length;
  return (
    <DataTable caption={<>{reasons.length === 1 ? "1 reason" : `${reasons.length} reasons`}, {active} offered to moderators, in the order they see them.</>} columns={["Position", "Reason", "Status", "Actions"]}>
      {reasons.map((reason, index) => (
        <tr key={reason.id} className={reason.active ? undefined : "bg-slate-50"}>
          <td className={`${tableCell} tabular-nums`}>{index + 1}</td>
          <th scope="row" className={`${tableCell} font-normal`}>
            <span className="block font-semibold">{reason.label}</span>
            <span className="block text-slate-700">
              Added <time dateTime={reason.createdAt.toISOString()}>{formatDate(reason.createdAt)}</time>
            </span>
          </th>
          <td className={tableCell}>{reason.active ? "Active" : "Inactive: not offered to moderators"}</td>
          <td className={tableCell}>
            <RejectionReasonControls
              id={reason.id}
              label={reason.label}
              active={reason.active}
              index={index}
              count={reasons.length}
              update={update}
              move={move}
            />
            <RejectionReasonRenameForm id={reason.id} label={reason.label} action={update} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

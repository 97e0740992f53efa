import type { ComponentProps } from "react";
import { RejectionReasonControls } from "@/components/admin/rejection-reason-controls";
import { RejectionReasonRenameForm } from "@/components/admin/rejection-reason-rename-form";
import { formatDate } from "@/lib/format";
import type { AdminRejectionReason } from "@/lib/rejection-reasons/find-rejection-reasons-for-admin";

type Props = {
  reasons: AdminRejectionReason[];
  update: ComponentProps<typeof RejectionReasonControls>["update"];
  move: ComponentProps<typeof RejectionReasonControls>["move"];
};

const cell = "border-b border-slate-200 px-3 py-3 align-top";

export function RejectionReasonsTable({ reasons, update, move }: Props) {
  const active = reasons.filter((reason) => reason.active).length;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="mb-2 text-left text-slate-700">
          {reasons.length === 1 ? "1 reason" : `${reasons.length} reasons`}, {active} offered to moderators, in the order they see them.
        </caption>
        <thead>
          <tr className="bg-slate-50">
            {["Position", "Reason", "Status", "Actions"].map((column) => (
              <th key={column} scope="col" className={cell}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {reasons.map((reason, index) => (
            <tr key={reason.id} className={reason.active ? undefined : "bg-slate-50"}>
              <td className={`${cell} tabular-nums`}>{index + 1}</td>
              <th scope="row" className={`${cell} font-normal`}>
                <span className="block font-semibold">{reason.label}</span>
                <span className="block text-slate-700">
                  Added <time dateTime={reason.createdAt.toISOString()}>{formatDate(reason.createdAt)}</time>
                </span>
              </th>
              <td className={cell}>{reason.active ? "Active" : "Inactive: not offered to moderators"}</td>
              <td className={cell}>
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
        </tbody>
      </table>
    </div>
  );
}

import type { ContributionStatus } from "@/lib/generated/prisma/enums";
import { CONTRIBUTION_STATUS_LABELS } from "@/lib/vocabulary/statuses";

// Colours chosen for at least 4.5:1 contrast of the text on its background.
const STYLES: Record<ContributionStatus, string> = {
  PENDING: "bg-amber-100 text-amber-900",
  APPROVED: "bg-green-100 text-green-900",
  REJECTED: "bg-red-100 text-red-900",
  HIDDEN: "bg-slate-200 text-slate-900",
  WITHDRAWN: "bg-slate-100 text-slate-800",
};

export function ContributionStatusBadge({ status }: { status: ContributionStatus }) {
  return (
    <span className={`inline-block rounded-full px-3 py-0.5 text-xs font-semibold whitespace-nowrap ${STYLES[status]}`}>
      <span className="sr-only">Status: </span>
      {CONTRIBUTION_STATUS_LABELS[status]}
    </span>
  );
}

import type { ConsultationStatus } from "@/lib/generated/prisma/enums";
import { CONSULTATION_STATUS_LABELS } from "@/lib/vocabulary/statuses";

// Colours chosen for at least 4.5:1 contrast of the text on its background.
const STYLES: Record<ConsultationStatus, string> = {
  OPEN: "bg-green-100 text-green-900",
  CLOSED: "bg-slate-200 text-slate-900",
  ARCHIVED: "bg-slate-100 text-slate-800",
  DRAFT: "bg-amber-100 text-amber-900",
};

export function StatusBadge({ status }: { status: ConsultationStatus }) {
  return (
    <span className={`inline-block rounded-full px-3 py-0.5 text-xs font-semibold ${STYLES[status]}`}>
      <span className="sr-only">Status: </span>
      {CONSULTATION_STATUS_LABELS[status]}
    </span>
  );
}

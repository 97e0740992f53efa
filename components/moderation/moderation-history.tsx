import { ROLE_LABELS } from "@/lib/auth/roles";
import { CONTRIBUTION_STATUS_LABELS } from "@/lib/vocabulary/statuses";
import { formatDateTime } from "@/lib/format";
import type { ModerationAction } from "@/lib/generated/prisma/enums";
import type { ModerationHistoryEntry, ModerationPerson } from "@/lib/moderation/get-moderation-item";

const ACTION_LABELS: Record<ModerationAction, string> = {
  SUBMIT: "Submitted",
  EDIT: "Edited by the author",
  APPROVE: "Approved",
  REJECT: "Rejected",
  HIDE: "Hidden",
  RESTORE: "Restored",
  WITHDRAW: "Withdrawn by the author",
  NOTE: "Note",
  DISMISS_FLAGS: "Reports dismissed",
  SUSPEND_USER: "Author suspended",
  UNSUSPEND_USER: "Author's suspension lifted",
  CHANGE_ROLE: "Author's role changed",
};

export function personName(person: ModerationPerson | null): string {
  if (!person) return "A deleted account";
  return `${person.displayName ?? "An account without a profile"}${person.role === "PARTICIPANT" ? "" : ` (${ROLE_LABELS[person.role]})`}`;
}

/** Everything that happened to the contribution, oldest first, with who did it and the internal notes. */
export function ModerationHistory({ history }: { history: ModerationHistoryEntry[] }) {
  return (
    <ol className="mt-4 border-l-2 border-slate-300 pl-6">
      {history.map((entry) => (
        <li key={entry.id} className="relative pb-5 last:pb-0">
          <span aria-hidden="true" className="absolute top-1.5 -left-[1.95rem] h-3 w-3 rounded-full border-2 border-white bg-brand-600" />
          <p className="font-semibold">
            {ACTION_LABELS[entry.action]}
            {entry.fromStatus && entry.toStatus && entry.fromStatus !== entry.toStatus ? (
              <span className="font-normal text-slate-700">
                {" "}
                ({CONTRIBUTION_STATUS_LABELS[entry.fromStatus]} → {CONTRIBUTION_STATUS_LABELS[entry.toStatus]})
              </span>
            ) : null}
          </p>
          <p className="text-sm text-slate-700">
            {personName(entry.actor)}, <time dateTime={entry.createdAt.toISOString()}>{formatDateTime(entry.createdAt)}</time>
          </p>
          {entry.reason ? <p className="mt-1">Reason given to the author: {entry.reason}</p> : null}
          {entry.note ? (
            <p className="mt-1 whitespace-pre-line rounded bg-amber-50 px-2 py-1 text-amber-950">
              <span className="font-semibold">Internal note: </span>
              {entry.note}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

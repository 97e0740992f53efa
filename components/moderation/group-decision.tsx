"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { FormDialog } from "@/components/moderation/form-dialog";
import { BulkRejectForm } from "@/components/moderation/queue-list";
import { RefusalMessage, useFocusOnChange } from "@/components/moderation/refusal-message";
import { useAnnounce } from "@/components/ui/form/announcer";
import type { ActionResult } from "@/lib/errors";
import type { BulkDecideInput } from "@/lib/moderation/schema";
import type { RejectionReasonOption } from "@/lib/rejection-reasons/find-active-rejection-reasons";

type Props = {
  /** The pending members the moderator sees, with the versions they see. */
  items: BulkDecideInput["items"];
  reasons: RejectionReasonOption[];
  bulkDecide: (input: BulkDecideInput) => Promise<ActionResult<{ count: number }>>;
  /** Where the focus goes once decided (the members' heading). */
  headingId: string;
};

const button = "rounded-md px-4 py-2 font-medium disabled:opacity-60";

/**
 * Approve or reject every pending member of the group in one decision: the
 * moderation queue's bulk decision, with its rules (all or none; a member
 * changed or decided meanwhile refuses the whole decision).
 */
export function GroupDecision({ items, reasons, bulkDecide, headingId }: Props) {
  const router = useRouter();
  const announce = useAnnounce();
  const [rejecting, setRejecting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const problemMessage = useRef<HTMLDivElement>(null);
  useFocusOnChange(problem, problemMessage);
  const [pending, startTransition] = useTransition();

  const decide = async (input: BulkDecideInput): Promise<ActionResult<{ count: number }>> => {
    setProblem(null);
    const result = await bulkDecide(input);
    if (result.ok) {
      announce({ ok: true, message: result.message ?? "Done." });
      setRejecting(false);
      document.getElementById(headingId)?.focus();
    } else if (!result.fieldErrors) {
      setProblem(result.message);
      setRejecting(false);
    }
    router.refresh();
    return result;
  };

  const count = items.length === 1 ? "1 pending member" : `${items.length} pending members`;
  return (
    <div className="space-y-3">
      <RefusalMessage message={problem} ref={problemMessage} />
      <div role="group" aria-label="Decide on the whole group" className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          disabled={pending}
          onClick={() => startTransition(async () => void (await decide({ decision: "APPROVE", items })))}
          className={`${button} bg-brand-600 text-white hover:bg-brand-700`}
        >
          {pending ? "Approving…" : `Approve ${count}`}
        </button>
        <button type="button" disabled={pending} onClick={() => setRejecting(true)} className={`${button} border border-red-800 bg-white text-red-800 hover:bg-red-50`}>
          Reject {count}…
        </button>
      </div>
      <FormDialog
        open={rejecting}
        onClose={() => setRejecting(false)}
        title={`Reject ${count}?`}
        description={<p>Each author is told the reason by e-mail and under My contributions. All of them are rejected, or none.</p>}
      >
        <BulkRejectForm items={items} reasons={reasons} onSubmit={decide} onCancel={() => setRejecting(false)} />
      </FormDialog>
    </div>
  );
}

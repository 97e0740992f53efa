"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/errors";
import type { WithdrawContributionInput } from "@/lib/contributions/withdraw-schema";

type Props = {
  reference: string;
  title: string;
  /** False once withdrawn (or never allowed): the button goes, the outcome stays on screen. */
  canWithdraw: boolean;
  action: (input: WithdrawContributionInput) => Promise<ActionResult<unknown>>;
};

/**
 * "Withdraw" asks first, in a modal dialog (the browser's <dialog>: focus
 * moves into it and stays there, Escape closes it, focus returns to the
 * button). The confirm button is disabled while the request runs; the server
 * treats a repeated withdrawal as done anyway.
 */
export function WithdrawControl({ reference, title, canWithdraw, action }: Props) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);

  const confirm = () =>
    startTransition(async () => {
      const result = await action({ reference });
      dialog.current?.close();
      setOutcome({ ok: result.ok, message: result.message ?? (result.ok ? "Your contribution has been withdrawn." : "It could not be withdrawn.") });
      if (result.ok) router.refresh();
    });

  return (
    <div>
      {canWithdraw ? (
        <>
          <button
            type="button"
            onClick={() => {
              setOutcome(null);
              dialog.current?.showModal();
              // Cancel is the safe answer: it takes the focus, not "Yes".
              cancel.current?.focus();
            }}
            className="rounded-md border border-red-800 bg-white px-4 py-2 font-medium text-red-800 hover:bg-red-50"
          >
            Withdraw
          </button>
          <dialog
            ref={dialog}
            aria-labelledby={`${id}-title`}
            aria-describedby={`${id}-description`}
            className="m-auto max-w-lg rounded-lg p-6 shadow-xl backdrop:bg-slate-900/50"
          >
            <h2 id={`${id}-title`} className="text-xl font-bold">
              Withdraw this contribution?
            </h2>
            <p id={`${id}-description`} className="mt-3">
              “{title}” ({reference}) will no longer be shown publicly or considered in the summary. This cannot be undone; you can submit
              a new contribution while the consultation is open.
            </p>
            <div className="mt-6 flex flex-wrap gap-3">
              <button
                type="button"
                onClick={confirm}
                disabled={pending}
                className="rounded-md bg-red-800 px-4 py-2 font-medium text-white hover:bg-red-900 disabled:opacity-60"
              >
                {pending ? "Withdrawing…" : "Yes, withdraw it"}
              </button>
              <button
                ref={cancel}
                type="button"
                onClick={() => dialog.current?.close()}
                className="rounded-md border border-slate-400 px-4 py-2 font-medium hover:bg-slate-100"
              >
                Cancel
              </button>
            </div>
          </dialog>
        </>
      ) : null}
      <p role="status" className={`mt-2 font-medium ${outcome?.ok === false ? "text-red-800" : "text-green-900"}`}>
        {outcome?.message}
      </p>
    </div>
  );
}

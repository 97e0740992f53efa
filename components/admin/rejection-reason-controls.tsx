"use client";

import { useEffect, useId, useRef, useTransition } from "react";
import { useRowOutcome } from "@/components/admin/use-row-outcome";
import type { ActionResult } from "@/lib/errors";
import type { MovedRejectionReason } from "@/lib/rejection-reasons/move-rejection-reason";
import type { MoveDirection, MoveRejectionReasonInput, UpdateRejectionReasonInput } from "@/lib/rejection-reasons/schema";
import type { UpdatedRejectionReason } from "@/lib/rejection-reasons/update-rejection-reason";

type Props = {
  id: string;
  label: string;
  active: boolean;
  /** Where the reason is in the list, from 0, and how long the list is. */
  index: number;
  count: number;
  update: (input: UpdateRejectionReasonInput) => Promise<ActionResult<UpdatedRejectionReason>>;
  move: (input: MoveRejectionReasonInput) => Promise<ActionResult<MovedRejectionReason>>;
};

const buttonClass =
  "rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:opacity-60 aria-disabled:opacity-60";

/**
 * Activate or deactivate a reason and move it in the list. The buttons are
 * marked busy with aria-disabled rather than disabled while a change is
 * sent: a disabled button drops the keyboard focus.
 */
export function RejectionReasonControls({ id, label, active, index, count, update, move }: Props) {
  const statusId = useId();
  const [pending, startTransition] = useTransition();
  const { outcome, clear, report } = useRowOutcome(label);
  const upRef = useRef<HTMLButtonElement>(null);
  const downRef = useRef<HTMLButtonElement>(null);
  // After a move the row is re-rendered at its new place, which can take the
  // focus away from the button just pressed; it is put back (on the other
  // button when the row reached an end of the list) once the row is there,
  // whether the new list arrives before or after the action's answer.
  const placed = useRef({ index, count });
  const refocus = useRef<{ direction: MoveDirection; index: number } | null>(null);

  const refocusIfPlaced = () => {
    const wanted = refocus.current;
    const { index: now, count: length } = placed.current;
    if (!wanted || wanted.index !== now) return;
    refocus.current = null;
    const atEnd = wanted.direction === "UP" ? now === 0 : now === length - 1;
    const [same, other] = wanted.direction === "UP" ? [upRef, downRef] : [downRef, upRef];
    (atEnd ? other : same).current?.focus();
  };

  useEffect(() => {
    placed.current = { index, count };
    refocusIfPlaced();
  });

  const run = (work: () => Promise<void>) => {
    if (pending) return;
    startTransition(async () => {
      clear();
      await work();
    });
  };

  const toggle = () =>
    run(async () => {
      report(await update({ id, active: !active }), "Saved.");
    });

  const moveTo = (direction: MoveDirection) =>
    run(async () => {
      const result = await move({ id, direction });
      report(result, "Moved.");
      if (result.ok && result.data.moved) {
        refocus.current = { direction, index: result.data.position - 1 };
        refocusIfPlaced();
      }
    });

  return (
    <div className="space-y-1">
      <div className="flex flex-wrap gap-2">
        <button type="button" ref={upRef} disabled={index === 0} aria-disabled={pending || undefined} aria-describedby={statusId} onClick={() => moveTo("UP")} className={buttonClass}>
          Move up<span className="sr-only"> “{label}”</span>
        </button>
        <button
          type="button"
          ref={downRef}
          disabled={index === count - 1}
          aria-disabled={pending || undefined}
          aria-describedby={statusId}
          onClick={() => moveTo("DOWN")}
          className={buttonClass}
        >
          Move down<span className="sr-only"> “{label}”</span>
        </button>
        <button type="button" aria-disabled={pending || undefined} aria-describedby={statusId} onClick={toggle} className={buttonClass}>
          {active ? "Deactivate" : "Activate"}
          <span className="sr-only"> “{label}”</span>
        </button>
      </div>
      <p id={statusId} className={`text-sm ${outcome?.ok === false ? "text-red-800" : "text-green-900"}`}>
        {outcome?.message}
      </p>
    </div>
  );
}

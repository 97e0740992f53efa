"use client";

import { useId, useTransition } from "react";
import { useRowOutcome } from "@/components/admin/use-row-outcome";
import { changeConsultationStatusSchema, transitionLabel, type ChangeConsultationStatusInput } from "@/lib/consultations/schema";
import type { ActionResult } from "@/lib/errors";
import type { ConsultationStatus } from "@/lib/generated/prisma/enums";

type Props = {
  id: string;
  /** Who the buttons are about, for their accessible names in a list. */
  title: string;
  status: ConsultationStatus;
  transitions: readonly ConsultationStatus[];
  action: (input: ChangeConsultationStatusInput) => Promise<ActionResult<unknown>>;
};

const primary = new Set<ConsultationStatus>(["OPEN"]);

/** One button per status the consultation may move to; the server decides whether it may. */
export function StatusControl({ id, title, status, transitions, action }: Props) {
  const statusId = useId();
  const [pending, startTransition] = useTransition();
  const { outcome, clear, report } = useRowOutcome(title);

  if (transitions.length === 0) return <p className="text-sm text-slate-700">Archived: no further change.</p>;

  const change = (to: ConsultationStatus) =>
    startTransition(async () => {
      clear();
      const input = changeConsultationStatusSchema.parse({ id, status: to });
      report(await action(input), "Done.");
    });

  return (
    <div className="space-y-1">
      <div className="flex flex-wrap gap-2">
        {transitions.map((to) => (
          <button
            key={to}
            type="button"
            disabled={pending}
            aria-describedby={statusId}
            onClick={() => change(to)}
            className={`rounded-md px-3 py-1.5 text-sm font-medium disabled:opacity-60 ${
              primary.has(to) ? "bg-brand-600 text-white hover:bg-brand-700" : "border border-slate-400 bg-white hover:bg-slate-100"
            }`}
          >
            {transitionLabel(status, to)}
            <span className="sr-only"> {title}</span>
          </button>
        ))}
      </div>
      <p id={statusId} className={`text-sm ${outcome?.ok === false ? "text-red-800" : "text-green-900"}`}>
        {outcome?.message}
      </p>
    </div>
  );
}

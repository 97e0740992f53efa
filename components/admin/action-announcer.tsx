"use client";

import { createContext, use, useState, type ReactNode } from "react";
import type { ActionResult } from "@/lib/errors";

// One live region for the outcome of the actions in a list. It sits above
// the list, not in a row, because a row may leave the list once the page
// refreshes (demote someone while the list shows moderators only) and the
// confirmation must not leave with it.

export type Outcome = { ok: boolean; message: string };

const AnnounceContext = createContext<(outcome: Outcome) => void>(() => {});

/**
 * The outcome of a row's last action, shown in the row and announced (with
 * whom it was about) by the list's live region.
 */
export function useRowOutcome(subject: string) {
  const announce = use(AnnounceContext);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  return {
    outcome,
    clear: () => setOutcome(null),
    report(result: ActionResult<unknown>, fallback: string) {
      const next = { ok: result.ok, message: result.message ?? fallback };
      setOutcome(next);
      announce({ ...next, message: `${subject}: ${next.message}` });
    },
  };
}

export function ActionAnnouncer({ children }: { children: ReactNode }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  return (
    <AnnounceContext value={setOutcome}>
      <p role="status" className={`min-h-6 font-medium ${outcome?.ok === false ? "text-red-800" : "text-green-900"}`}>
        {outcome?.message}
      </p>
      {children}
    </AnnounceContext>
  );
}

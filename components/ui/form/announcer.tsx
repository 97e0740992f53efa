"use client";

import { createContext, use, useState, type ReactNode } from "react";
import type { Outcome } from "@/components/ui/form/form-outcome";

// One polite live region for the outcome of the actions below it: a list's
// rows (it sits above the list, not in a row, because a row may leave the
// list once the page refreshes and the confirmation must not leave with
// it), or the moderation pages (in their layout, which stays while a
// decision moves on to the next contribution, so what was done is still
// read out and on screen there).

const AnnounceContext = createContext<(outcome: Outcome) => void>(() => {});

export function useAnnounce(): (outcome: Outcome) => void {
  return use(AnnounceContext);
}

export function Announcer({ id, children }: { id?: string; children: ReactNode }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  return (
    <AnnounceContext value={setOutcome}>
      <p id={id} role="status" className={`min-h-6 font-medium ${outcome?.ok === false ? "text-red-800" : "text-green-900"}`}>
        {outcome?.message}
      </p>
      {children}
    </AnnounceContext>
  );
}

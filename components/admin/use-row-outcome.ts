"use client";

import { useState } from "react";
import { useAnnounce } from "@/components/ui/form/announcer";
import type { Outcome } from "@/components/ui/form/form-outcome";
import type { ActionResult } from "@/lib/errors";

/** Announces an outcome of a row of a list in the list's live region, saying whom it was about. */
export function useRowAnnouncer(subject: string): (outcome: Outcome) => void {
  const announce = useAnnounce();
  return (outcome) => announce({ ...outcome, message: `${subject}: ${outcome.message}` });
}

/** The outcome of a row's last action (a button's), shown in the row and announced for the list. */
export function useRowOutcome(subject: string) {
  const announce = useRowAnnouncer(subject);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  return {
    outcome,
    clear: () => setOutcome(null),
    report(result: ActionResult<unknown>, fallback: string) {
      const next = { ok: result.ok, message: result.message ?? fallback };
      setOutcome(next);
      announce(next);
    },
  };
}

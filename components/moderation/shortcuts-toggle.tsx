"use client";

import { useId } from "react";
import { setShortcutsEnabled, useShortcutsEnabled } from "@/components/moderation/use-shortcuts";
import { checkboxClass } from "@/components/ui/form/field";

/** The switch for the single-key shortcuts, kept in this browser for every moderation page. */
export function ShortcutsToggle() {
  const id = useId();
  const enabled = useShortcutsEnabled();
  return (
    <div className="flex items-start gap-2">
      <input id={id} type="checkbox" checked={enabled} onChange={(event) => setShortcutsEnabled(event.target.checked)} className={checkboxClass} />
      <label htmlFor={id}>Use keyboard shortcuts (a, r, n)</label>
    </div>
  );
}

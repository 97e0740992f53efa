"use client";

import { useEffect, type Ref, type RefObject } from "react";

/**
 * A refusal shown where the moderator acted (someone decided first, the
 * author withdrew it). The focus moves to it, which is how it is read out:
 * it is no live region as well, so it is heard once, and the focus is not
 * lost with the form or button that is gone.
 */
export function RefusalMessage({ message, ref }: { message: string | null; ref: Ref<HTMLDivElement> }) {
  if (!message) return null;
  return (
    <div ref={ref} tabIndex={-1} className="rounded-md border-l-4 border-red-700 bg-red-50 p-4 text-red-900">
      {message}
    </div>
  );
}

/**
 * Moves the focus to the element of `target` each time `trigger` changes to
 * something. Call it in the component that owns the dialogs and forms
 * involved: its effects run after theirs, so a dialog closing does not take
 * the focus back.
 */
export function useFocusOnChange(trigger: unknown, target: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    if (trigger) target.current?.focus();
  }, [trigger, target]);
}

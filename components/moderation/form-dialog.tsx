"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";

type Props = {
  open: boolean;
  /** Escape, Cancel or the end of the action: the parent sets `open` to false. */
  onClose: () => void;
  title: string;
  description: ReactNode;
  children: ReactNode;
};

/**
 * A modal dialog around a short form (the browser's <dialog>: focus moves
 * to its first field and stays inside, Escape closes it, focus goes back to
 * the button that opened it).
 */
export function FormDialog({ open, onClose, title, description, children }: Props) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-description`}
      className="m-auto w-full max-w-lg rounded-lg p-6 shadow-xl backdrop:bg-slate-900/50"
    >
      <h2 id={`${id}-title`} className="text-xl font-bold">
        {title}
      </h2>
      <div id={`${id}-description`} className="mt-3">
        {description}
      </div>
      {open ? <div className="mt-4">{children}</div> : null}
    </dialog>
  );
}

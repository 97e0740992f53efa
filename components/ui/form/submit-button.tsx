import type { ReactNode } from "react";

/** The form's main button: disabled, and saying what it does, while the form is sent. */
export function SubmitButton({ pending, pendingLabel = "Saving…", children }: { pending: boolean; pendingLabel?: string; children: ReactNode }) {
  return (
    <button
      type="submit"
      disabled={pending}
      className="rounded-md bg-brand-600 px-5 py-2.5 font-medium text-white hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70"
    >
      {pending ? pendingLabel : children}
    </button>
  );
}

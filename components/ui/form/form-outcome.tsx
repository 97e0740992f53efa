import type { ReactNode } from "react";

// What a form says about itself as a whole. Errors are announced at once
// (role="alert"); confirmations politely, from a live region that is on the
// page before the confirmation is put into it: many screen readers say
// nothing of a status region inserted with its text already in it.

export type Outcome = { ok: boolean; message: string };

const MESSAGE_CLASS = {
  error: "rounded-md border-l-4 p-4 border-red-700 bg-red-50 text-red-900",
  success: "rounded-md border-l-4 p-4 border-green-700 bg-green-50 text-green-900",
  info: "rounded-md border-l-4 p-4 border-brand-600 bg-brand-50 text-brand-800",
};

/**
 * A message shown with the page (a link's outcome, a notice after a
 * redirect). One that appears after the page has loaded goes in a
 * StatusRegion instead.
 */
export function FormMessage({ kind, children }: { kind: "error" | "success" | "info"; children: ReactNode }) {
  return (
    <div role={kind === "error" ? "alert" : "status"} className={MESSAGE_CLASS[kind]}>
      {children}
    </div>
  );
}

/** A polite live region kept on the page, empty (and out of the layout) until a confirmation is put into it. */
export function StatusRegion({ message }: { message: string | null }) {
  return (
    <div role="status" className="empty:sr-only">
      {message ? <div className={MESSAGE_CLASS.success}>{message}</div> : null}
    </div>
  );
}

/** The form's error banner: the server's message, or (with `hasFieldErrors`) a pointer to the fields the browser flagged. */
export function FormErrorSummary({ message, hasFieldErrors = false }: { message: string | null | undefined; hasFieldErrors?: boolean }) {
  const text = message ?? (hasFieldErrors ? "Please correct the highlighted fields." : null);
  return text ? <FormMessage kind="error">{text}</FormMessage> : null;
}

/** The outcome of the form's last submission: a confirmation in the live region, or the error banner. */
export function FormOutcome({ outcome, hasFieldErrors = false }: { outcome: Outcome | null; hasFieldErrors?: boolean }) {
  return (
    <>
      <StatusRegion message={outcome?.ok ? outcome.message : null} />
      {outcome?.ok ? null : <FormErrorSummary message={outcome?.message} hasFieldErrors={hasFieldErrors} />}
    </>
  );
}

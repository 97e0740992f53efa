import type { ReactNode } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";

// Building blocks of the admin forms (conferences, consultations). A field
// hands its control the attributes that tie it to its hint and its error,
// so a screen reader reads both with the control, and the control stays
// whatever element the form needs (input, select, textarea).

export const controlClass =
  "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 aria-invalid:border-red-700 aria-invalid:ring-1 aria-invalid:ring-red-700";

export type ControlAttributes = {
  id: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
  "aria-required"?: true;
};

type FieldProps = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  className?: string;
  children: (control: ControlAttributes) => ReactNode;
};

export function controlAttributes(id: string, { hint, error, required }: { hint?: ReactNode; error?: string; required?: boolean }): ControlAttributes {
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return {
    id,
    ...(error ? { "aria-invalid": true as const } : {}),
    ...(describedBy ? { "aria-describedby": describedBy } : {}),
    ...(required ? { "aria-required": true as const } : {}),
  };
}

export function ErrorText({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">
      <span className="sr-only">Error: </span>
      {error}
    </p>
  );
}

export function HintText({ id, hint }: { id: string; hint?: ReactNode }) {
  if (!hint) return null;
  return (
    <p id={`${id}-hint`} className="mt-1 text-sm text-slate-700">
      {hint}
    </p>
  );
}

/** A labelled control with its hint and error. */
export function Field({ id, label, hint, error, required, className, children }: FieldProps) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block font-medium text-slate-900">
        {label}
        {required ? null : <span className="font-normal text-slate-700"> (optional)</span>}
      </label>
      <HintText id={id} hint={hint} />
      {children(controlAttributes(id, { hint, error, required }))}
      <ErrorText id={id} error={error} />
    </div>
  );
}

/** A checkbox with its label after it. */
export function CheckboxField({ id, label, hint, error, children }: Omit<FieldProps, "required" | "className">) {
  return (
    <div>
      <div className="flex items-start gap-3">
        {children(controlAttributes(id, { hint, error }))}
        <label htmlFor={id} className="text-slate-900">
          {label}
        </label>
      </div>
      <HintText id={id} hint={hint} />
      <ErrorText id={id} error={error} />
    </div>
  );
}

export const checkboxClass = "mt-1 h-5 w-5 shrink-0 rounded border-slate-400 accent-brand-600";

/** The outcome of a save: errors are announced at once, confirmations politely. */
export function FormOutcome({ outcome }: { outcome: { ok: boolean; message: string } | null }) {
  if (!outcome?.message) return null;
  return (
    <div
      role={outcome.ok ? "status" : "alert"}
      className={`rounded-md border-l-4 p-4 ${outcome.ok ? "border-green-700 bg-green-50 text-green-900" : "border-red-700 bg-red-50 text-red-900"}`}
    >
      {outcome.message}
    </div>
  );
}

/**
 * Puts a failed action's field errors on the form's fields (focusing the
 * first) and returns the message for the form as a whole, with any error for
 * which the form has no field.
 */
export function applyServerErrors(
  result: { ok: boolean; message?: string; fieldErrors?: Record<string, string[]> },
  isField: (name: string) => boolean,
  setError: (name: string, message: string, focus: boolean) => void,
): string {
  const rest: string[] = [];
  let focused = false;
  for (const [name, messages] of Object.entries(result.fieldErrors ?? {})) {
    const message = messages.join(" ");
    if (isField(name)) {
      setError(name, message, !focused);
      focused = true;
    } else if (message !== result.message) {
      rest.push(message);
    }
  }
  return [result.message ?? "", ...rest].filter(Boolean).join(" ");
}

/** A record's title and the slug its public address is made of. */
export function TitleSlugFields({
  idPrefix,
  publicPath,
  title,
  slug,
}: {
  idPrefix: string;
  /** "/conferences": the slug's hint shows the address it makes. */
  publicPath: string;
  title: { field: UseFormRegisterReturn; error?: string };
  slug: { field: UseFormRegisterReturn; error?: string };
}) {
  return (
    <>
      <Field id={`${idPrefix}-title`} label="Title" error={title.error} required>
        {(aria) => <input type="text" {...aria} {...title.field} className={controlClass} />}
      </Field>
      <Field id={`${idPrefix}-slug`} label="Slug" hint={`The address: ${publicPath}/<slug>. Lower-case letters a–z, digits and hyphens.`} error={slug.error} required>
        {(aria) => <input type="text" {...aria} {...slug.field} className={controlClass} />}
      </Field>
    </>
  );
}

export function SaveButton({ pending, children }: { pending: boolean; children: ReactNode }) {
  return (
    <button
      type="submit"
      disabled={pending}
      className="rounded-md bg-brand-600 px-5 py-2.5 font-medium text-white hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70"
    >
      {pending ? "Saving…" : children}
    </button>
  );
}

import type { ReactNode } from "react";

// The frame every field of a form shares: a label, a hint, the control and
// its error, tied together with ids ("<id>-hint", "<id>-error") so that a
// screen reader reads the hint and the error with the control. A control
// with an error is marked aria-invalid.
//
// `required`: true marks the control aria-required; false adds "(optional)"
// to its label; left out, the label says neither (a field whose need the
// form explains otherwise).

export const controlClass =
  "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 shadow-sm aria-invalid:border-red-700 aria-invalid:ring-1 aria-invalid:ring-red-700";

export const checkboxClass = "mt-1 h-5 w-5 shrink-0 rounded border-slate-400 accent-brand-600";

export type ControlAttributes = {
  id: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
  "aria-required"?: true;
};

export type FieldFrame = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  /** Ids of more elements that describe the control (a character count), read between the hint and the error. */
  describedBy?: string;
};

/** The ids that describe a control or a group: its hint, others, its error; undefined when there are none. */
export function descriptionIds(id: string, { hint, error, describedBy }: Pick<FieldFrame, "hint" | "error" | "describedBy">): string | undefined {
  return [hint ? `${id}-hint` : null, describedBy ?? null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

/** The attributes that tie a control to its hint and error. */
export function controlAttributes(id: string, frame: Omit<FieldFrame, "id" | "label">): ControlAttributes {
  const describedBy = descriptionIds(id, frame);
  return {
    id,
    ...(frame.error ? { "aria-invalid": true as const } : {}),
    ...(describedBy ? { "aria-describedby": describedBy } : {}),
    ...(frame.required ? { "aria-required": true as const } : {}),
  };
}

export function OptionalMarker({ required }: { required: boolean | undefined }) {
  return required === false ? <span className="font-normal text-slate-700"> (optional)</span> : null;
}

export function FieldLabel({ id, required, children }: { id: string; required?: boolean; children: ReactNode }) {
  return (
    <label htmlFor={id} className="block font-medium text-slate-900">
      {children}
      <OptionalMarker required={required} />
    </label>
  );
}

export function FieldHint({ id, children }: { id: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <p id={`${id}-hint`} className="mt-1 text-sm text-slate-700">
      {children}
    </p>
  );
}

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">
      <span className="sr-only">Error: </span>
      {message}
    </p>
  );
}

/**
 * A labelled control with its hint and error. The control is whatever the
 * form needs (an input, a select, a text area with a count under it): it
 * gets the attributes that tie it to the rest.
 */
export function Field({ id, label, hint, error, required, describedBy, className, children }: FieldFrame & { className?: string; children: (control: ControlAttributes) => ReactNode }) {
  return (
    <div className={className}>
      <FieldLabel id={id} required={required}>
        {label}
      </FieldLabel>
      <FieldHint id={id}>{hint}</FieldHint>
      {children(controlAttributes(id, { hint, error, required, describedBy }))}
      <FieldError id={id} message={error} />
    </div>
  );
}

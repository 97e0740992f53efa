"use client";

import type { ComponentPropsWithoutRef, ReactNode } from "react";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { PASSWORD_MIN_LENGTH, preloadPasswordEstimator } from "@/lib/accounts/password-strength";
import type { ActionResult } from "@/lib/errors";

// Labelled form controls for the account forms. Each control links its hint
// and its error to the input with aria-describedby and marks the input
// aria-invalid, so a screen reader reads the message with the field.

export const inputClass =
  "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 shadow-sm aria-invalid:border-red-700 aria-invalid:ring-1 aria-invalid:ring-red-700";

type FieldFrame = { id: string; label: ReactNode; hint?: ReactNode; error?: string; required?: boolean };

function describedBy(id: string, hint: ReactNode | undefined, error: string | undefined): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={`${id}-hint`} className="mt-1 text-sm text-slate-700">
      {children}
    </p>
  );
}

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-700">
      <span className="sr-only">Error: </span>
      {message}
    </p>
  );
}

function Label({ id, label, required }: Pick<FieldFrame, "id" | "label" | "required">) {
  return (
    <label htmlFor={id} className="block font-medium text-slate-900">
      {label}
      {required === false ? <span className="font-normal text-slate-700"> (optional)</span> : null}
    </label>
  );
}

type InputProps = FieldFrame & Omit<ComponentPropsWithoutRef<"input">, "id" | "required">;

export function TextField({ id, label, hint, error, required, ...input }: InputProps) {
  return (
    <div>
      <Label id={id} label={label} required={required} />
      {hint ? <Hint id={id}>{hint}</Hint> : null}
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        aria-required={required || undefined}
        className={inputClass}
        {...input}
      />
      <FieldError id={id} message={error} />
    </div>
  );
}

/** A field for choosing a password: says what makes one strong, and loads the strength checker on focus. */
export function NewPasswordField(props: Omit<InputProps, "type" | "autoComplete" | "hint" | "onFocus">) {
  return (
    <TextField
      type="password"
      autoComplete="new-password"
      hint={`At least ${PASSWORD_MIN_LENGTH} characters and hard to guess: a few unrelated words make a strong password you can remember.`}
      onFocus={preloadPasswordEstimator}
      required
      {...props}
    />
  );
}

export function ConfirmPasswordField(props: Omit<InputProps, "type" | "autoComplete" | "label">) {
  return <TextField type="password" autoComplete="new-password" label="New password, again" required {...props} />;
}

type SelectProps = FieldFrame &
  Omit<ComponentPropsWithoutRef<"select">, "id" | "required"> & {
    options: { value: string; label: string }[];
    placeholder?: string;
  };

export function SelectField({ id, label, hint, error, required, options, placeholder, ...select }: SelectProps) {
  return (
    <div>
      <Label id={id} label={label} required={required} />
      {hint ? <Hint id={id}>{hint}</Hint> : null}
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        aria-required={required || undefined}
        className={inputClass}
        {...select}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError id={id} message={error} />
    </div>
  );
}

type CheckboxProps = Omit<FieldFrame, "required"> & Omit<ComponentPropsWithoutRef<"input">, "id" | "type">;

export function CheckboxField({ id, label, hint, error, ...input }: CheckboxProps) {
  return (
    <div>
      <div className="flex items-start gap-3">
        <input
          id={id}
          type="checkbox"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          className="mt-1 h-5 w-5 shrink-0 rounded border-slate-400 accent-brand-600"
          {...input}
        />
        <label htmlFor={id} className="text-slate-900">
          {label}
        </label>
      </div>
      {hint ? <Hint id={id}>{hint}</Hint> : null}
      <FieldError id={id} message={error} />
    </div>
  );
}

const MESSAGE_CLASS = {
  error: "rounded-md border-l-4 p-4 border-red-700 bg-red-50 text-red-900",
  success: "rounded-md border-l-4 p-4 border-green-700 bg-green-50 text-green-900",
  info: "rounded-md border-l-4 p-4 border-brand-600 bg-brand-50 text-brand-800",
};

/**
 * A message about the whole form: errors are announced at once, confirmations
 * politely. A confirmation that appears after the page has loaded goes in a
 * StatusRegion instead.
 */
export function FormMessage({ kind, children }: { kind: "error" | "success" | "info"; children: ReactNode }) {
  return (
    <div role={kind === "error" ? "alert" : "status"} className={MESSAGE_CLASS[kind]}>
      {children}
    </div>
  );
}

/**
 * A polite live region kept on the page, empty (and out of the layout) until
 * a confirmation is put into it: many screen readers say nothing of a status
 * region that is inserted with its text already in it.
 */
export function StatusRegion({ message }: { message: string | null }) {
  return (
    <div role="status" className="empty:sr-only">
      {message ? <div className={MESSAGE_CLASS.success}>{message}</div> : null}
    </div>
  );
}

/** The form's error banner: the server's message, or a pointer to the fields the browser flagged. */
export function FormErrorSummary({ message, hasFieldErrors }: { message: string | null; hasFieldErrors: boolean }) {
  const text = message ?? (hasFieldErrors ? "Please correct the highlighted fields." : null);
  return text ? <FormMessage kind="error">{text}</FormMessage> : null;
}

/** The outcome of the form's last submission: an error banner, or a confirmation. */
export function FormOutcome({ outcome, hasFieldErrors }: { outcome: { ok: boolean; message: string } | null; hasFieldErrors: boolean }) {
  return (
    <>
      <StatusRegion message={outcome?.ok ? outcome.message : null} />
      {outcome?.ok ? null : <FormErrorSummary message={outcome?.message ?? null} hasFieldErrors={hasFieldErrors} />}
    </>
  );
}

export function SubmitButton({ pending, pendingLabel, children }: { pending: boolean; pendingLabel: string; children: ReactNode }) {
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

/**
 * Puts a failed action's field errors back on the form's fields and returns
 * the message for the form as a whole (with anything the form has no field
 * for). Returns null when the action succeeded.
 */
export function applyActionErrors<T extends FieldValues>(result: ActionResult, setError: UseFormSetError<T>, fields: readonly Path<T>[]): string | null {
  if (result.ok) return null;
  const extra: string[] = [];
  let focused = false;
  for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
    const message = messages.join(" ");
    if ((fields as readonly string[]).includes(field)) {
      setError(field as Path<T>, { type: "server", message }, { shouldFocus: !focused });
      focused = true;
    } else {
      extra.push(message);
    }
  }
  return [result.message, ...extra].join(" ");
}

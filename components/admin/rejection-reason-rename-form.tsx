"use client";

import { useId } from "react";
import { useRowAnnouncer } from "@/components/admin/use-row-outcome";
import { useActionForm } from "@/components/ui/form/use-action-form";
import type { ActionResult } from "@/lib/errors";
import { REJECTION_REASON_LABEL_MAX, updateRejectionReasonSchema, type UpdateRejectionReasonInput } from "@/lib/rejection-reasons/schema";
import type { UpdatedRejectionReason } from "@/lib/rejection-reasons/update-rejection-reason";

type Props = {
  id: string;
  label: string;
  action: (input: UpdateRejectionReasonInput) => Promise<ActionResult<UpdatedRejectionReason>>;
};

/** The new wording of a reason, behind a disclosure so the row stays short. */
export function RejectionReasonRenameForm({ id, label, action }: Props) {
  const inputId = useId();
  const hintId = useId();
  const statusId = useId();
  const { form, outcome, onSubmit } = useActionForm({
    schema: updateRejectionReasonSchema,
    action,
    fields: ["label"],
    values: { id, label },
    successMessage: "Saved.",
    onOutcome: useRowAnnouncer(label),
  });
  const {
    register,
    formState: { isSubmitting, errors },
  } = form;

  const message = errors.label?.message ?? outcome?.message;
  const isError = Boolean(errors.label) || outcome?.ok === false;

  return (
    <details className="mt-2">
      <summary className="cursor-pointer text-sm font-medium text-brand-700">
        Rename<span className="sr-only"> “{label}”</span>…
      </summary>
      <form onSubmit={onSubmit} noValidate className="mt-2 space-y-2">
        <input type="hidden" {...register("id")} />
        <label htmlFor={inputId} className="block text-sm font-medium">
          New wording of “{label}”
        </label>
        <p id={hintId} className="text-sm text-slate-700">
          At most {REJECTION_REASON_LABEL_MAX} characters. Decisions already made keep the old wording.
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <input
            id={inputId}
            type="text"
            {...register("label")}
            aria-describedby={`${hintId} ${statusId}`}
            aria-invalid={errors.label ? true : undefined}
            className="min-w-56 flex-1 rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm aria-invalid:border-red-700"
          />
          <button
            type="submit"
            disabled={isSubmitting}
            className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
          >
            {isSubmitting ? "Saving…" : "Save wording"}
          </button>
        </div>
        <p id={statusId} className={`text-sm ${isError ? "text-red-800" : "text-green-900"}`}>
          {message}
        </p>
      </form>
    </details>
  );
}

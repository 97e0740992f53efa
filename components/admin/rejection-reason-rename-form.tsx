"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useId } from "react";
import { useForm } from "react-hook-form";
import { useRowOutcome } from "@/components/admin/action-announcer";
import type { ActionResult } from "@/lib/errors";
import { updateRejectionReasonSchema, type UpdateRejectionReasonInput } from "@/lib/rejection-reasons/schema";
import type { UpdatedRejectionReason } from "@/lib/rejection-reasons/update-rejection-reason";

type Props = {
  id: string;
  label: string;
  action: (input: UpdateRejectionReasonInput) => Promise<ActionResult<UpdatedRejectionReason>>;
};

export function RejectionReasonRenameForm({ id, label, action }: Props) {
  const inputId = useId();
  const statusId = useId();
  const { outcome, clear, report } = useRowOutcome(label);
  const {
    register,
    handleSubmit,
    setError,
    getValues,
    formState: { isSubmitting, errors },
  } = useForm({ resolver: zodResolver(updateRejectionReasonSchema), values: { id, label } });

  const onSubmit = handleSubmit(async () => {
    clear();
    const result = await action(getValues());
    const labelError = result.ok ? undefined : result.fieldErrors?.label?.[0];
    if (labelError) setError("label", { type: "server", message: labelError }, { shouldFocus: true });
    report(result, "Saved.");
  });

  const message = errors.label?.message ?? outcome?.message;
  const isError = Boolean(errors.label) || outcome?.ok === false;

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-center gap-2">
      <input type="hidden" {...register("id")} />
      <label htmlFor={inputId} className="sr-only">
        Wording of the reason “{label}”
      </label>
      <input
        id={inputId}
        type="text"
        {...register("label")}
        aria-describedby={statusId}
        aria-invalid={errors.label ? true : undefined}
        className="min-w-56 flex-1 rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm aria-invalid:border-red-700"
      />
      <button
        type="submit"
        disabled={isSubmitting}
        className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:opacity-60"
      >
        {isSubmitting ? "Renaming…" : "Rename"}
        <span className="sr-only"> “{label}”</span>
      </button>
      <p id={statusId} className={`w-full text-sm ${isError ? "text-red-800" : "text-green-900"}`}>
        {message}
      </p>
    </form>
  );
}

"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyServerErrors, controlClass, Field, FormOutcome, SaveButton } from "@/components/admin/form-fields";
import type { ActionResult } from "@/lib/errors";
import type { CreatedRejectionReason } from "@/lib/rejection-reasons/create-rejection-reason";
import {
  createRejectionReasonSchema,
  REJECTION_REASON_LABEL_MAX,
  type CreateRejectionReasonInput,
} from "@/lib/rejection-reasons/schema";

type Props = { action: (input: CreateRejectionReasonInput) => Promise<ActionResult<CreatedRejectionReason>> };

export function RejectionReasonCreateForm({ action }: Props) {
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(createRejectionReasonSchema), defaultValues: { label: "" } });

  const onSubmit = handleSubmit(async () => {
    setOutcome(null);
    // The raw value: the action normalises it with the same schema.
    const result = await action(getValues());
    if (result.ok) {
      reset({ label: "" });
      setOutcome({ ok: true, message: result.message ?? "Reason added." });
      return;
    }
    const message = applyServerErrors(result, (name) => name === "label", (_name, text, focus) =>
      setError("label", { type: "server", message: text }, { shouldFocus: focus }),
    );
    setOutcome({ ok: false, message });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-4">
      <FormOutcome outcome={outcome} />
      <Field
        id="new-rejection-reason"
        label="New reason"
        hint={`As the author will read it, for example “Off topic”. At most ${REJECTION_REASON_LABEL_MAX} characters.`}
        error={errors.label?.message}
        required
      >
        {(aria) => <input type="text" {...aria} {...register("label")} className={controlClass} />}
      </Field>
      <SaveButton pending={isSubmitting}>Add reason</SaveButton>
    </form>
  );
}

"use client";

import { FormOutcome } from "@/components/ui/form/form-outcome";
import { SubmitButton } from "@/components/ui/form/submit-button";
import { TextField } from "@/components/ui/form/text-field";
import { useActionForm } from "@/components/ui/form/use-action-form";
import type { ActionResult } from "@/lib/errors";
import type { CreatedRejectionReason } from "@/lib/rejection-reasons/create-rejection-reason";
import {
  createRejectionReasonSchema,
  REJECTION_REASON_LABEL_MAX,
  type CreateRejectionReasonInput,
} from "@/lib/rejection-reasons/schema";

type Props = { action: (input: CreateRejectionReasonInput) => Promise<ActionResult<CreatedRejectionReason>> };

export function RejectionReasonCreateForm({ action }: Props) {
  const { form, outcome, onSubmit } = useActionForm({
    schema: createRejectionReasonSchema,
    action,
    fields: ["label"],
    defaultValues: { label: "" },
    successMessage: "Reason added.",
    onSuccess: (_created, { form }) => form.reset({ label: "" }),
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-4">
      <FormOutcome outcome={outcome} />
      <TextField
        id="new-rejection-reason"
        label="New reason"
        hint={`As the author will read it, for example “Off topic”. At most ${REJECTION_REASON_LABEL_MAX} characters.`}
        type="text"
        error={errors.label?.message}
        required
        {...register("label")}
      />
      <SubmitButton pending={isSubmitting}>Add reason</SubmitButton>
    </form>
  );
}

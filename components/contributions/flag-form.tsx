"use client";

import { useId } from "react";
import { ChoiceGroupField } from "@/components/ui/form/choice-group-field";
import { FormOutcome } from "@/components/ui/form/form-outcome";
import { TextareaField } from "@/components/ui/form/textarea-field";
import { useActionForm } from "@/components/ui/form/use-action-form";
import type { ActionResult } from "@/lib/errors";
import { FlagReason } from "@/lib/generated/prisma/enums";
import { FLAG_COMMENT_MAX_LENGTH, FLAG_REASON_LABELS, flagContributionSchema, type FlagContributionInput } from "@/lib/flags/schema";

type Props = {
  reference: string;
  action: (input: FlagContributionInput) => Promise<ActionResult>;
};

const REASONS = Object.values(FlagReason).map((reason) => ({ value: reason, label: FLAG_REASON_LABELS[reason] }));

/** Report a contribution to the moderators: folded away until asked for. */
export function FlagForm({ reference, action }: Props) {
  const id = useId();
  const { form, outcome, onSubmit } = useActionForm({
    schema: flagContributionSchema,
    action,
    fields: ["reason", "comment"],
    defaultValues: { reference, comment: "" },
    successMessage: "Thank you for your report.",
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  return (
    <details className="max-w-3xl rounded-lg border border-slate-300 p-4 open:bg-slate-50">
      <summary className="cursor-pointer font-medium">Report this contribution</summary>
      {outcome?.ok ? null : (
        <form onSubmit={onSubmit} noValidate className="mt-4 space-y-4">
          <p className="text-sm text-slate-700">
            Tell the moderators if this contribution breaks the participation rules. They will review it; the author is not told who
            reported it.
          </p>
          <input type="hidden" {...register("reference")} />
          <ChoiceGroupField id={`${id}-reason`} legend="Why are you reporting it?" choices={REASONS} error={errors.reason?.message} {...register("reason")} />
          <TextareaField
            id={`${id}-comment`}
            label={
              <>
                Comment <span className="font-normal text-slate-700">(required for “{FLAG_REASON_LABELS.OTHER}”)</span>
              </>
            }
            hint={`What is wrong with it? At most ${FLAG_COMMENT_MAX_LENGTH.toLocaleString("en")} characters.`}
            rows={3}
            maxLength={FLAG_COMMENT_MAX_LENGTH}
            error={errors.comment?.message}
            {...register("comment")}
          />
          <button
            type="submit"
            disabled={isSubmitting}
            className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
          >
            {isSubmitting ? "Sending…" : "Send report"}
          </button>
        </form>
      )}
      <div className="mt-3">
        <FormOutcome outcome={outcome} />
      </div>
    </details>
  );
}

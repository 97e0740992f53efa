"use client";

import { FormOutcome, SubmitButton, TextField } from "@/components/accounts/form-controls";
import { useActionForm } from "@/components/accounts/use-action-form";
import { requestPasswordResetAction, resendVerificationAction } from "@/lib/accounts/actions";
import { emailOnlySchema } from "@/lib/accounts/schema";

const PURPOSES = {
  "password-reset": { action: requestPasswordResetAction, submit: "Send me a reset link" },
  verification: { action: resendVerificationAction, submit: "Send me a new confirmation link" },
} as const;

/**
 * Asks for a link by e-mail (password reset, or a new confirmation link).
 * The answer is the same whether or not the address has an account.
 */
export function EmailLinkForm({ purpose }: { purpose: keyof typeof PURPOSES }) {
  const { action, submit } = PURPOSES[purpose];
  const { form, outcome, onSubmit } = useActionForm({ schema: emailOnlySchema, action, fields: ["email"] });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-5">
      <FormOutcome outcome={outcome} hasFieldErrors={Object.keys(errors).length > 0} />
      <TextField id={`${purpose}-email`} label="E-mail address" type="email" autoComplete="email" required error={errors.email?.message} {...register("email")} />
      <SubmitButton pending={isSubmitting} pendingLabel="Sending…">
        {submit}
      </SubmitButton>
    </form>
  );
}

"use client";

import { FormOutcome } from "@/components/ui/form/form-outcome";
import { SubmitButton } from "@/components/ui/form/submit-button";
import { TextField } from "@/components/ui/form/text-field";
import { useActionForm } from "@/components/ui/form/use-action-form";
import { emailOnlySchema, type EmailOnlyInput } from "@/lib/accounts/schema";
import type { ActionResult } from "@/lib/errors";

const PURPOSES = {
  "password-reset": { submit: "Send me a reset link" },
  verification: { submit: "Send me a new confirmation link" },
} as const;

type Props = {
  purpose: keyof typeof PURPOSES;
  /** requestPasswordResetAction or resendVerificationAction, as the purpose says. */
  action: (input: EmailOnlyInput) => Promise<ActionResult>;
};

/**
 * Asks for a link by e-mail (password reset, or a new confirmation link).
 * The answer is the same whether or not the address has an account.
 */
export function EmailLinkForm({ purpose, action }: Props) {
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
        {PURPOSES[purpose].submit}
      </SubmitButton>
    </form>
  );
}

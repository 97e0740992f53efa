"use client";

import { signOut } from "next-auth/react";
import { ConfirmPasswordField, NewPasswordField } from "@/components/accounts/password-fields";
import { FormOutcome } from "@/components/ui/form/form-outcome";
import { SubmitButton } from "@/components/ui/form/submit-button";
import { TextField } from "@/components/ui/form/text-field";
import { useActionForm } from "@/components/ui/form/use-action-form";
import { changePasswordSchema, type ChangePasswordInput } from "@/lib/accounts/schema";
import type { ActionResult } from "@/lib/errors";

type Props = { action: (input: ChangePasswordInput) => Promise<ActionResult> };

export function ChangePasswordForm({ action }: Props) {
  const { form, outcome, onSubmit } = useActionForm({
    schema: changePasswordSchema,
    action,
    fields: ["currentPassword", "newPassword", "confirmPassword"],
    // Every session ended with the change, this one too: clear its cookie
    // and ask for the new password.
    onSuccess: () => signOut({ callbackUrl: "/sign-in?notice=password-changed" }),
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-5">
      <FormOutcome outcome={outcome} hasFieldErrors={Object.keys(errors).length > 0} />
      <TextField
        id="change-currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
        error={errors.currentPassword?.message}
        {...register("currentPassword")}
      />
      <NewPasswordField id="change-newPassword" label="New password" error={errors.newPassword?.message} {...register("newPassword")} />
      <ConfirmPasswordField id="change-confirmPassword" error={errors.confirmPassword?.message} {...register("confirmPassword")} />
      <SubmitButton pending={isSubmitting || outcome?.ok === true} pendingLabel="Changing your password…">
        Change my password
      </SubmitButton>
    </form>
  );
}

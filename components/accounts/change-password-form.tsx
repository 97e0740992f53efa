"use client";

import { signOut } from "next-auth/react";
import { ConfirmPasswordField, FormOutcome, NewPasswordField, SubmitButton, TextField } from "@/components/accounts/form-controls";
import { useActionForm } from "@/components/accounts/use-action-form";
import { changeMyPasswordAction } from "@/lib/accounts/actions";
import { changePasswordSchema } from "@/lib/accounts/schema";

export function ChangePasswordForm() {
  const { form, outcome, onSubmit } = useActionForm({
    schema: changePasswordSchema,
    action: changeMyPasswordAction,
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

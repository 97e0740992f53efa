"use client";

import Link from "next/link";
import { ConfirmPasswordField, NewPasswordField } from "@/components/accounts/password-fields";
import { FormErrorSummary, FormMessage } from "@/components/ui/form/form-outcome";
import { SubmitButton } from "@/components/ui/form/submit-button";
import { useActionForm } from "@/components/ui/form/use-action-form";
import { resetPasswordSchema, type ResetPasswordInput } from "@/lib/accounts/schema";
import type { ActionResult } from "@/lib/errors";

type Props = { token: string; action: (input: ResetPasswordInput) => Promise<ActionResult> };

export function ResetPasswordForm({ token, action }: Props) {
  const { form, outcome, onSubmit } = useActionForm({
    schema: resetPasswordSchema,
    action,
    fields: ["password", "confirmPassword"],
    defaultValues: { token },
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  if (outcome?.ok) {
    return (
      <FormMessage kind="success">
        <p>{outcome.message}</p>
        <p className="mt-2">
          <Link href="/sign-in" className="underline">
            Sign in
          </Link>
        </p>
      </FormMessage>
    );
  }

  // The token travels in a hidden field; a problem with it is shown for the form.
  const linkProblem = outcome?.message ?? errors.token?.message ?? null;
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-5">
      <FormErrorSummary message={linkProblem} hasFieldErrors={Object.keys(errors).length > 0} />
      {linkProblem ? (
        <p>
          <Link href="/forgot-password" className="underline">
            Ask for a new link
          </Link>
        </p>
      ) : null}
      <input type="hidden" {...register("token")} />
      <NewPasswordField id="reset-password" label="New password" error={errors.password?.message} {...register("password")} />
      <ConfirmPasswordField id="reset-confirmPassword" error={errors.confirmPassword?.message} {...register("confirmPassword")} />
      <SubmitButton pending={isSubmitting} pendingLabel="Saving…">
        Save my new password
      </SubmitButton>
    </form>
  );
}

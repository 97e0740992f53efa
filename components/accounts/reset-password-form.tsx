"use client";

import Link from "next/link";
import { ConfirmPasswordField, FormErrorSummary, FormMessage, NewPasswordField, SubmitButton } from "@/components/accounts/form-controls";
import { useActionForm } from "@/components/accounts/use-action-form";
import { resetPasswordAction } from "@/lib/accounts/actions";
import { resetPasswordSchema } from "@/lib/accounts/schema";

export function ResetPasswordForm({ token }: { token: string }) {
  const { form, outcome, onSubmit } = useActionForm({
    schema: resetPasswordSchema,
    action: resetPasswordAction,
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

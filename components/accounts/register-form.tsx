"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { FormProvider } from "react-hook-form";
import { NewPasswordField } from "@/components/accounts/password-fields";
import { ProfileFields } from "@/components/accounts/profile-fields";
import { CheckboxField } from "@/components/ui/form/checkbox-field";
import { FormErrorSummary } from "@/components/ui/form/form-outcome";
import { SubmitButton } from "@/components/ui/form/submit-button";
import { TextField } from "@/components/ui/form/text-field";
import { useActionForm } from "@/components/ui/form/use-action-form";
import { registrationSchema, type RegistrationInput } from "@/lib/accounts/schema";
import type { ActionResult } from "@/lib/errors";

const FIELDS = [
  "email",
  "password",
  "displayName",
  "stakeholderType",
  "organisationName",
  "organisationSize",
  "country",
  "transparencyRegisterNumber",
  "publicationPreference",
  "acceptTerms",
] as const;

type Props = { action: (input: RegistrationInput) => Promise<ActionResult> };

export function RegisterForm({ action }: Props) {
  const router = useRouter();
  const { form, outcome, onSubmit } = useActionForm({
    schema: registrationSchema,
    action,
    fields: FIELDS,
    defaultValues: { publicationPreference: "PUBLIC" },
    onSuccess: () => router.push("/check-email"),
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  return (
    <FormProvider {...form}>
      <form noValidate onSubmit={onSubmit} className="space-y-6">
        <FormErrorSummary message={outcome && !outcome.ok ? outcome.message : null} hasFieldErrors={Object.keys(errors).length > 0} />
        <fieldset className="space-y-5">
          <legend className="text-xl font-semibold">Your account</legend>
          <TextField
            id="register-email"
            label="E-mail address"
            hint="We send a link to this address to confirm it. It is never published."
            type="email"
            autoComplete="email"
            required
            error={errors.email?.message}
            {...register("email")}
          />
          <NewPasswordField id="register-password" label="Password" error={errors.password?.message} {...register("password")} />
        </fieldset>
        <fieldset className="space-y-5">
          <legend className="text-xl font-semibold">Your stakeholder profile</legend>
          <ProfileFields idPrefix="register" />
        </fieldset>
        <CheckboxField
          id="register-acceptTerms"
          label="I accept the terms of use and the privacy notice."
          hint="Agora keeps your account and profile to run its consultations. Your e-mail address is never published."
          error={errors.acceptTerms?.message}
          {...register("acceptTerms")}
        />
        <div className="flex flex-wrap items-center gap-4">
          {/* Stays disabled after success, while the next page loads. */}
          <SubmitButton pending={isSubmitting || outcome?.ok === true} pendingLabel="Creating your account…">
            Create my account
          </SubmitButton>
          <p className="text-slate-700">
            Already registered?{" "}
            <Link href="/sign-in" className="underline">
              Sign in
            </Link>
          </p>
        </div>
      </form>
    </FormProvider>
  );
}

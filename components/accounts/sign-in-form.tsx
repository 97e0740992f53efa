"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormErrorSummary, StatusRegion } from "@/components/ui/form/form-outcome";
import { SubmitButton } from "@/components/ui/form/submit-button";
import { TextField } from "@/components/ui/form/text-field";
import { signInSchema, type EmailOnlyInput, type SignInInput } from "@/lib/accounts/schema";
import type { ActionResult } from "@/lib/errors";

// The reasons lib/auth/authenticate.ts gives; next-auth hands them back as `error`.
const MESSAGES: Record<string, string> = {
  INVALID_CREDENTIALS: "The e-mail address or the password is not correct.",
  EMAIL_NOT_VERIFIED: "Your e-mail address is not confirmed yet. Open the link we sent you when you registered, or ask for a new one.",
  SUSPENDED: "This account has been suspended. If you think this is a mistake, contact the Agora team.",
  RATE_LIMITED: "Too many failed attempts. Wait 15 minutes and try again, or choose a new password.",
};
const FALLBACK = "Signing in did not work. Please try again.";

type Props = {
  callbackUrl: string;
  /** Sends a new confirmation link, for an address not confirmed yet. */
  resendVerification: (input: EmailOnlyInput) => Promise<ActionResult>;
};

export function SignInForm({ callbackUrl, resendVerification }: Props) {
  const [failure, setFailure] = useState<string | null>(null);
  const [resendState, setResendState] = useState<{ pending: boolean; message: string | null }>({ pending: false, message: null });
  const {
    register,
    handleSubmit,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<SignInInput>({ resolver: zodResolver(signInSchema) });

  const onSubmit = handleSubmit(async ({ email, password }) => {
    setFailure(null);
    setResendState({ pending: false, message: null });
    const result = await signIn("credentials", { email, password, redirect: false }).catch(() => undefined);
    if (result?.ok && !result.error) {
      // A full load, so that every part of the page (the header too) sees the new session.
      window.location.assign(callbackUrl);
      // Never settles: the button stays disabled until the next page loads.
      return new Promise<never>(() => {});
    }
    setFailure(result?.error ?? "UNKNOWN");
  });

  async function resend() {
    setResendState({ pending: true, message: null });
    const result = await resendVerification({ email: getValues("email") });
    setResendState({ pending: false, message: result.message ?? null });
  }

  const failureMessage = failure ? (MESSAGES[failure] ?? FALLBACK) : null;

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-5">
      <FormErrorSummary message={failureMessage} hasFieldErrors={Object.keys(errors).length > 0} />
      {failure === "EMAIL_NOT_VERIFIED" ? (
        <div className="space-y-3">
          <button
            type="button"
            onClick={resend}
            disabled={resendState.pending}
            className="rounded-md border border-brand-600 px-4 py-2 font-medium text-brand-700 hover:bg-brand-50 disabled:cursor-wait disabled:opacity-70"
          >
            {resendState.pending ? "Sending…" : "Send me a new confirmation link"}
          </button>
          <StatusRegion message={resendState.message} />
        </div>
      ) : null}
      <TextField id="sign-in-email" label="E-mail address" type="email" autoComplete="email" required error={errors.email?.message} {...register("email")} />
      <TextField
        id="sign-in-password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        error={errors.password?.message}
        {...register("password")}
      />
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pending={isSubmitting} pendingLabel="Signing in…">
          Sign in
        </SubmitButton>
        <Link href="/forgot-password" className="underline">Forgot your password?</Link>
      </div>
    </form>
  );
}

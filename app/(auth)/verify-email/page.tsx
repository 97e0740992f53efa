import type { Metadata } from "next";
import Link from "next/link";
import { EmailLinkForm } from "@/components/accounts/email-link-form";
import { FormMessage } from "@/components/ui/form/form-outcome";
import { resendVerificationAction } from "@/lib/accounts/actions";
import { verifyEmail, type VerifyEmailStatus } from "@/lib/accounts/verify-email";

export const metadata: Metadata = { title: "Confirm your e-mail address" };

const OUTCOMES: Record<VerifyEmailStatus, { heading: string; text: string; ok: boolean }> = {
  VERIFIED: { heading: "Your e-mail address is confirmed", text: "Thank you. Your account is active: you can sign in now.", ok: true },
  USED: {
    heading: "This link has already been used",
    text: "Your address was confirmed when the link was first opened, so you can sign in. If signing in says otherwise, ask for a new link below.",
    ok: true,
  },
  EXPIRED: { heading: "This link has expired", text: "Confirmation links are valid for 48 hours. Ask for a new one below.", ok: false },
  INVALID: {
    heading: "This link is not valid",
    text: "It may be incomplete, or a newer link may have replaced it. Open the latest e-mail we sent you, or ask for a new link below.",
    ok: false,
  },
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function VerifyEmailPage({ searchParams }: Props) {
  const { token } = await searchParams;
  const { status } = await verifyEmail({ token });
  const outcome = OUTCOMES[status];
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="text-3xl font-bold">{outcome.heading}</h1>
      <FormMessage kind={outcome.ok ? "success" : "error"}>{outcome.text}</FormMessage>
      <p>
        <Link href="/sign-in" className="inline-block rounded-md bg-brand-600 px-5 py-2.5 font-medium text-white no-underline hover:bg-brand-700 hover:no-underline">
          Sign in
        </Link>
      </p>
      {status === "VERIFIED" ? null : (
        <section aria-labelledby="new-link" className="space-y-4 rounded-lg border border-slate-200 p-5">
          <h2 id="new-link" className="text-xl font-semibold">
            Ask for a new confirmation link
          </h2>
          <EmailLinkForm purpose="verification" action={resendVerificationAction} />
        </section>
      )}
    </div>
  );
}

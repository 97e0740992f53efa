import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/accounts/sign-in-form";
import { FormMessage } from "@/components/ui/form/form-outcome";
import { resendVerificationAction } from "@/lib/accounts/actions";
import { getCurrentUser } from "@/lib/auth/current-user";
import { safeCallbackUrl } from "@/lib/accounts/callback-url";

export const metadata: Metadata = { title: "Sign in" };

const NOTICES: Record<string, string> = {
  "password-changed": "Your password has been changed and every session was signed out. Sign in with your new password.",
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl, "/account");
  if (await getCurrentUser()) redirect(callbackUrl);
  const notice = typeof params.notice === "string" ? NOTICES[params.notice] : undefined;

  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-3xl font-bold">Sign in</h1>
      {notice ? <FormMessage kind="info">{notice}</FormMessage> : null}
      <SignInForm callbackUrl={callbackUrl} resendVerification={resendVerificationAction} />
      <p className="text-slate-700">
        New to Agora? <Link href="/register" className="underline">Register as a stakeholder</Link>
      </p>
    </div>
  );
}

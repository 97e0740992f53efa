import type { Metadata } from "next";
import Link from "next/link";
import { EmailLinkForm } from "@/components/accounts/email-link-form";
import { requestPasswordResetAction } from "@/lib/accounts/actions";

export const metadata: Metadata = { title: "Forgot your password" };

export default function ForgotPasswordPage() {
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-3xl font-bold">Forgot your password?</h1>
      <p className="text-slate-700">Enter the e-mail address of your account. We will send you a link to choose a new password.</p>
      <EmailLinkForm purpose="password-reset" action={requestPasswordResetAction} />
      <p className="text-slate-700">
        Remembered it? <Link href="/sign-in" className="underline">Sign in</Link>
      </p>
    </div>
  );
}

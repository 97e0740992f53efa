import type { Metadata } from "next";
import Link from "next/link";
import { EmailLinkForm } from "@/components/accounts/email-link-form";
import { resendVerificationAction } from "@/lib/accounts/actions";

export const metadata: Metadata = { title: "Check your e-mail" };

export default function CheckEmailPage() {
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="text-3xl font-bold">Check your e-mail</h1>
      <p className="text-lg text-slate-700">
        We have sent an e-mail to the address you gave. Open the link in it within 48 hours to confirm your address; then you can{" "}
        <Link href="/sign-in" className="underline">sign in</Link>.
      </p>
      <section aria-labelledby="no-email" className="space-y-4 rounded-lg border border-slate-200 p-5">
        <h2 id="no-email" className="text-xl font-semibold">
          No e-mail?
        </h2>
        <p className="text-slate-700">Look in your spam folder first. If it is not there, we can send a new link.</p>
        <EmailLinkForm purpose="verification" action={resendVerificationAction} />
      </section>
    </div>
  );
}

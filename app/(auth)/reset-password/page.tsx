import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/accounts/reset-password-form";
import { FormMessage } from "@/components/ui/form/form-outcome";
import { resetPasswordAction } from "@/lib/accounts/actions";

export const metadata: Metadata = { title: "Choose a new password" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ResetPasswordPage({ searchParams }: Props) {
  const { token } = await searchParams;
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-3xl font-bold">Choose a new password</h1>
      {typeof token === "string" && token !== "" ? (
        <>
          <p className="text-slate-700">After the change, every session of your account is signed out, on every device.</p>
          <ResetPasswordForm token={token} action={resetPasswordAction} />
        </>
      ) : (
        <FormMessage kind="error">
          <p>This link is incomplete. Open the link from the e-mail again, or</p>
          <p className="mt-2">
            <Link href="/forgot-password" className="underline">ask for a new link</Link>.
          </p>
        </FormMessage>
      )}
    </div>
  );
}

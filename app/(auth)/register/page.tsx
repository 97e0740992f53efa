import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { RegisterForm } from "@/components/accounts/register-form";
import { registerAction } from "@/lib/accounts/actions";
import { getCurrentUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Register as a stakeholder" };

export default async function RegisterPage() {
  if (await getCurrentUser()) redirect("/account");
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-3xl font-bold">Register as a stakeholder</h1>
      <p className="text-lg text-slate-700">
        Citizens, companies, NGOs, researchers and public authorities from any country can take part. Your profile tells readers of the
        consultation summaries who contributed: the kind of stakeholder, the country and, for organisations, their name and size.
      </p>
      <RegisterForm action={registerAction} />
    </div>
  );
}

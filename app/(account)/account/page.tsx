import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/accounts/change-password-form";
import { ProfileForm } from "@/components/accounts/profile-form";
import { ProfileSummary } from "@/components/accounts/profile-summary";
import { changeMyPasswordAction, updateMyProfileAction } from "@/lib/accounts/actions";
import { requireUserForPage } from "@/lib/auth/current-user";
import { getMyProfile } from "@/lib/accounts/get-my-profile";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  await requireUserForPage("/account");
  const account = await getMyProfile();
  return (
    <div className="mx-auto max-w-3xl space-y-10">
      <h1 className="text-3xl font-bold">Your account</h1>
      <ProfileSummary account={account} />
      <section aria-labelledby="edit-profile" className="space-y-4">
        <h2 id="edit-profile" className="text-2xl font-bold">
          Edit your profile
        </h2>
        <p className="text-slate-700">Your e-mail address cannot be changed here. It is never published.</p>
        <ProfileForm profile={account.profile} action={updateMyProfileAction} />
      </section>
      <section aria-labelledby="change-password" className="space-y-4">
        <h2 id="change-password" className="text-2xl font-bold">
          Change your password
        </h2>
        <p className="text-slate-700">You will be signed out everywhere, this browser included, and asked to sign in with the new password.</p>
        <ChangePasswordForm action={changeMyPasswordAction} />
      </section>
    </div>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { FormProvider } from "react-hook-form";
import { FormOutcome, SubmitButton } from "@/components/accounts/form-controls";
import { ProfileFields } from "@/components/accounts/profile-fields";
import { useActionForm } from "@/components/accounts/use-action-form";
import { updateMyProfileAction } from "@/lib/accounts/actions";
import { profileSchema, type Profile } from "@/lib/accounts/schema";

const FIELDS = ["displayName", "stakeholderType", "organisationName", "organisationSize", "country", "transparencyRegisterNumber", "publicationPreference"] as const;

export function ProfileForm({ profile }: { profile: Profile | null }) {
  const router = useRouter();
  const { form, outcome, onSubmit } = useActionForm({
    schema: profileSchema,
    action: updateMyProfileAction,
    fields: FIELDS,
    defaultValues: profile
      ? {
          ...profile,
          organisationName: profile.organisationName ?? "",
          organisationSize: profile.organisationSize ?? "",
          transparencyRegisterNumber: profile.transparencyRegisterNumber ?? "",
        }
      : { publicationPreference: "PUBLIC" },
    // The summary above the form and the name in the header come from the server.
    onSuccess: () => router.refresh(),
  });
  const {
    formState: { errors, isSubmitting },
  } = form;

  return (
    <FormProvider {...form}>
      <form noValidate onSubmit={onSubmit} className="space-y-5">
        <FormOutcome outcome={outcome} hasFieldErrors={Object.keys(errors).length > 0} />
        <ProfileFields idPrefix="profile" />
        <SubmitButton pending={isSubmitting} pendingLabel="Saving…">
          Save my profile
        </SubmitButton>
      </form>
    </FormProvider>
  );
}

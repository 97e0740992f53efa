"use client";

import { useRouter } from "next/navigation";
import { FormProvider } from "react-hook-form";
import { ProfileFields } from "@/components/accounts/profile-fields";
import { FormOutcome } from "@/components/ui/form/form-outcome";
import { SubmitButton } from "@/components/ui/form/submit-button";
import { useActionForm } from "@/components/ui/form/use-action-form";
import { profileSchema, type Profile, type ProfileInput } from "@/lib/accounts/schema";
import type { ActionResult } from "@/lib/errors";

const FIELDS = ["displayName", "stakeholderType", "organisationName", "organisationSize", "country", "transparencyRegisterNumber", "publicationPreference"] as const;

type Props = { profile: Profile | null; action: (input: ProfileInput) => Promise<ActionResult> };

export function ProfileForm({ profile, action }: Props) {
  const router = useRouter();
  const { form, outcome, onSubmit } = useActionForm({
    schema: profileSchema,
    action,
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

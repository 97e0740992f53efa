import type { PublicationPreference, StakeholderType } from "@/lib/generated/prisma/enums";

// What the public learns about the author of a contribution: the name and
// organisation only when the author chose to publish them, the stakeholder
// type and country always (as on "Have Your Say"), the e-mail never.

export type PublicAuthor = {
  anonymous: boolean;
  /** null when published anonymously */
  displayName: string | null;
  /** null when published anonymously or not given */
  organisationName: string | null;
  stakeholderType: StakeholderType | null;
  country: string | null;
};

type ProfileFields = {
  displayName: string;
  organisationName: string | null;
  stakeholderType: StakeholderType;
  country: string;
} | null;

export function toPublicAuthor(publication: PublicationPreference, profile: ProfileFields): PublicAuthor {
  const facts = { stakeholderType: profile?.stakeholderType ?? null, country: profile?.country ?? null };
  if (publication === "ANONYMOUS" || !profile) return { anonymous: true, displayName: null, organisationName: null, ...facts };
  return { anonymous: false, displayName: profile.displayName, organisationName: profile.organisationName, ...facts };
}

import { PublicationPreference } from "@/lib/generated/prisma/enums";
import type { Option } from "@/lib/vocabulary/options";

// Whether a name is published: the profile's default, and the choice made
// again for each contribution (worded for the contribution form).

export const PUBLICATION_PREFERENCE_LABELS: Record<PublicationPreference, string> = {
  PUBLIC: "Publish my name (or my organisation's) with my contributions",
  ANONYMOUS: "Publish my contributions anonymously",
};

export const publicationPreferenceOptions: Option<PublicationPreference>[] = Object.values(PublicationPreference).map((value) => ({
  value,
  label: PUBLICATION_PREFERENCE_LABELS[value],
}));

export const PUBLICATION_LABELS: Record<PublicationPreference, string> = {
  PUBLIC: "With my name (and my organisation's, if I have one)",
  ANONYMOUS: "Anonymously",
};

export const publicationOptions: Option<PublicationPreference>[] = (Object.keys(PUBLICATION_LABELS) as PublicationPreference[]).map((value) => ({
  value,
  label: PUBLICATION_LABELS[value],
}));

"use server";

import { defineAction } from "@/lib/actions/define-action";
import { createConference } from "@/lib/conferences/create-conference";
import { updateConference } from "@/lib/conferences/update-conference";

// Entry points of the conference forms: the domain functions check the
// caller and the input.

const conferencePages = (slugs: string[]) => ["/", "/conferences", "/consultations", "/admin/conferences", ...[...new Set(slugs)].map((slug) => `/conferences/${slug}`)];

export const createConferenceAction = defineAction("createConference", createConference, {
  revalidate: (saved) => conferencePages([saved.slug]),
  redirect: (saved) => `/admin/conferences/${saved.id}/edit?saved=created`,
});

export const updateConferenceAction = defineAction("updateConference", updateConference, {
  revalidate: (saved) => conferencePages([saved.slug, saved.previousSlug]),
  message: () => "Changes saved.",
});

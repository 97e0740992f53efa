"use server";

import { defineAction, type RevalidateTarget } from "@/lib/actions/define-action";
import { changeConsultationStatus } from "@/lib/consultations/change-consultation-status";
import { createConsultation } from "@/lib/consultations/create-consultation";
import { CONSULTATION_STATUS_LABELS } from "@/lib/vocabulary/statuses";
import { updateConsultation } from "@/lib/consultations/update-consultation";

// Entry points of the consultation forms: the domain functions check the
// caller and the input.

const consultationPages = (slugs: string[]): RevalidateTarget[] => [
  "/",
  "/consultations",
  ["/conferences", "layout"],
  ["/admin/consultations", "layout"],
  ...[...new Set(slugs)].map((slug): RevalidateTarget => [`/consultations/${slug}`, "layout"]),
];

export const createConsultationAction = defineAction("createConsultation", createConsultation, {
  revalidate: (saved) => consultationPages([saved.slug]),
  redirect: (saved) => `/admin/consultations/${saved.id}/edit?saved=created`,
});

export const updateConsultationAction = defineAction("updateConsultation", updateConsultation, {
  revalidate: (saved) => consultationPages([saved.slug, saved.previousSlug]),
  message: () => "Changes saved.",
});

export const changeConsultationStatusAction = defineAction("changeConsultationStatus", changeConsultationStatus, {
  revalidate: (change) => consultationPages([change.slug]),
  message: (change) => {
    const status = CONSULTATION_STATUS_LABELS[change.status].toLowerCase();
    return change.changed ? `The consultation is now ${status}.` : `Nothing to change: the consultation is already ${status}.`;
  },
});

"use server";

import { defineAction } from "@/lib/actions/define-action";
import { createRejectionReason } from "@/lib/rejection-reasons/create-rejection-reason";
import { moveRejectionReason } from "@/lib/rejection-reasons/move-rejection-reason";
import { updateRejectionReason, type UpdatedRejectionReason } from "@/lib/rejection-reasons/update-rejection-reason";

// Entry points of the list of rejection reasons: the domain functions check
// the caller and the input. The messages of changes to one reason are shown
// in its row and announced with its label before them, so they do not
// repeat it.

const reasonPages = () => ["/admin/rejection-reasons"];

function updateMessage(saved: UpdatedRejectionReason): string {
  const parts: string[] = [];
  if (saved.label !== saved.previousLabel) {
    parts.push(`Renamed to “${saved.label}”. Past decisions keep the wording they were made with.`);
  }
  if (saved.active !== saved.previousActive) {
    parts.push(saved.active ? "Offered to moderators again." : "No longer offered to moderators. Past decisions keep it.");
  }
  return parts.length > 0 ? parts.join(" ") : "Nothing to change.";
}

export const createRejectionReasonAction = defineAction("createRejectionReason", createRejectionReason, {
  revalidate: reasonPages,
  message: (created) => `“${created.label}” added at the end of the list.`,
});

export const updateRejectionReasonAction = defineAction("updateRejectionReason", updateRejectionReason, {
  revalidate: reasonPages,
  message: updateMessage,
});

export const moveRejectionReasonAction = defineAction("moveRejectionReason", moveRejectionReason, {
  revalidate: reasonPages,
  message: (moved) => (moved.moved ? `Moved to position ${moved.position} of ${moved.count}.` : `Already ${moved.position === 1 ? "first" : "last"}.`),
});

"use server";

import { revalidatePath } from "next/cache";
import { toActionError, type ActionResult } from "@/lib/errors";
import { createRejectionReason, type CreatedRejectionReason } from "@/lib/rejection-reasons/create-rejection-reason";
import { moveRejectionReason, type MovedRejectionReason } from "@/lib/rejection-reasons/move-rejection-reason";
import { updateRejectionReason, type UpdatedRejectionReason } from "@/lib/rejection-reasons/update-rejection-reason";

// Thin entry points: the domain functions check the caller and the input.
// The messages of changes to one reason are shown in its row and announced
// with its label before them, so they do not repeat it.

export async function createRejectionReasonAction(input: unknown): Promise<ActionResult<CreatedRejectionReason>> {
  let created: CreatedRejectionReason;
  try {
    created = await createRejectionReason(input);
  } catch (error) {
    return toActionError(error, { action: "createRejectionReason" });
  }
  revalidatePath("/admin/rejection-reasons");
  return { ok: true, data: created, message: `“${created.label}” added at the end of the list.` };
}

function updateMessage(saved: UpdatedRejectionReason): string {
  const parts: string[] = [];
  if (saved.label !== saved.previousLabel) {
    parts.push(`Renamed to “${saved.label}”. Past decisions keep the wording they were made with.`);
  }
  if (saved.active !== saved.previousActive) {
    parts.push(
      saved.active ? "Offered to moderators again." : "No longer offered to moderators. Past decisions keep it.",
    );
  }
  return parts.length > 0 ? parts.join(" ") : "Nothing to change.";
}

export async function updateRejectionReasonAction(input: unknown): Promise<ActionResult<UpdatedRejectionReason>> {
  let saved: UpdatedRejectionReason;
  try {
    saved = await updateRejectionReason(input);
  } catch (error) {
    return toActionError(error, { action: "updateRejectionReason" });
  }
  revalidatePath("/admin/rejection-reasons");
  return { ok: true, data: saved, message: updateMessage(saved) };
}

export async function moveRejectionReasonAction(input: unknown): Promise<ActionResult<MovedRejectionReason>> {
  let moved: MovedRejectionReason;
  try {
    moved = await moveRejectionReason(input);
  } catch (error) {
    return toActionError(error, { action: "moveRejectionReason" });
  }
  revalidatePath("/admin/rejection-reasons");
  const where = `position ${moved.position} of ${moved.count}`;
  return {
    ok: true,
    data: moved,
    message: moved.moved ? `Moved to ${where}.` : `Already ${moved.position === 1 ? "first" : "last"}.`,
  };
}

"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { changeConsultationStatus, type StatusChange } from "@/lib/consultations/change-consultation-status";
import { createConsultation, type SavedConsultation } from "@/lib/consultations/create-consultation";
import { CONSULTATION_STATUS_LABELS } from "@/lib/vocabulary/statuses";
import { updateConsultation, type UpdatedConsultation } from "@/lib/consultations/update-consultation";
import { toActionError, type ActionResult } from "@/lib/errors";

// Thin entry points: the domain functions check the caller and the input.

function revalidateConsultationPages(slugs: string[]) {
  revalidatePath("/");
  revalidatePath("/consultations");
  revalidatePath("/conferences", "layout");
  revalidatePath("/admin/consultations", "layout");
  for (const slug of new Set(slugs)) revalidatePath(`/consultations/${slug}`, "layout");
}

export async function createConsultationAction(input: unknown): Promise<ActionResult<SavedConsultation>> {
  let saved: SavedConsultation;
  try {
    saved = await createConsultation(input);
  } catch (error) {
    return toActionError(error, { action: "createConsultation" });
  }
  revalidateConsultationPages([saved.slug]);
  redirect(`/admin/consultations/${saved.id}/edit?saved=created`);
}

export async function updateConsultationAction(input: unknown): Promise<ActionResult<UpdatedConsultation>> {
  let saved: UpdatedConsultation;
  try {
    saved = await updateConsultation(input);
  } catch (error) {
    return toActionError(error, { action: "updateConsultation" });
  }
  revalidateConsultationPages([saved.slug, saved.previousSlug]);
  return { ok: true, data: saved, message: "Changes saved." };
}

export async function changeConsultationStatusAction(input: unknown): Promise<ActionResult<StatusChange>> {
  let change: StatusChange;
  try {
    change = await changeConsultationStatus(input);
  } catch (error) {
    return toActionError(error, { action: "changeConsultationStatus" });
  }
  revalidateConsultationPages([change.slug]);
  const status = CONSULTATION_STATUS_LABELS[change.status].toLowerCase();
  return {
    ok: true,
    data: change,
    message: change.changed ? `The consultation is now ${status}.` : `Nothing to change: the consultation is already ${status}.`,
  };
}

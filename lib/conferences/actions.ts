"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createConference, type SavedConference } from "@/lib/conferences/create-conference";
import { updateConference, type UpdatedConference } from "@/lib/conferences/update-conference";
import { toActionError, type ActionResult } from "@/lib/errors";

// Thin entry points: the domain functions check the caller and the input.

function revalidateConferencePages(slugs: string[]) {
  revalidatePath("/");
  revalidatePath("/conferences");
  revalidatePath("/consultations");
  revalidatePath("/admin/conferences");
  for (const slug of new Set(slugs)) revalidatePath(`/conferences/${slug}`);
}

export async function createConferenceAction(input: unknown): Promise<ActionResult<SavedConference>> {
  let saved: SavedConference;
  try {
    saved = await createConference(input);
  } catch (error) {
    return toActionError(error, { action: "createConference" });
  }
  revalidateConferencePages([saved.slug]);
  redirect(`/admin/conferences/${saved.id}/edit?saved=created`);
}

export async function updateConferenceAction(input: unknown): Promise<ActionResult<UpdatedConference>> {
  let saved: UpdatedConference;
  try {
    saved = await updateConference(input);
  } catch (error) {
    return toActionError(error, { action: "updateConference" });
  }
  revalidateConferencePages([saved.slug, saved.previousSlug]);
  return { ok: true, data: saved, message: "Changes saved." };
}

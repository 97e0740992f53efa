"use client";

import { useRouter } from "next/navigation";
import { useAnnounce } from "@/components/ui/form/announcer";
import { TextareaField } from "@/components/ui/form/textarea-field";
import { useActionForm } from "@/components/ui/form/use-action-form";
import type { ActionResult } from "@/lib/errors";
import { addModeratorNoteSchema, NOTE_MAX, type AddModeratorNoteInput } from "@/lib/moderation/schema";

type Props = { contributionId: string; action: (input: AddModeratorNoteInput) => Promise<ActionResult> };

/** A note in the contribution's log that only moderators read. */
export function ModeratorNoteForm({ contributionId, action }: Props) {
  const router = useRouter();
  const { form, onSubmit } = useActionForm({
    schema: addModeratorNoteSchema,
    action,
    fields: ["note"],
    defaultValues: { contributionId, note: "" },
    successMessage: "Note added.",
    // Said in the moderation pages' live region, success or not.
    onOutcome: useAnnounce(),
    onSuccess: (_note, { form }) => {
      form.reset({ contributionId, note: "" });
      router.refresh();
    },
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <TextareaField
        id="moderator-note"
        label="Internal note"
        hint="Only moderators read it; it stays in the history."
        rows={3}
        maxLength={NOTE_MAX}
        error={errors.note?.message}
        required
        {...register("note")}
      />
      <button type="submit" disabled={isSubmitting} className="rounded-md border border-slate-400 bg-white px-4 py-2 font-medium hover:bg-slate-100 disabled:opacity-60">
        {isSubmitting ? "Adding…" : "Add note"}
      </button>
    </form>
  );
}

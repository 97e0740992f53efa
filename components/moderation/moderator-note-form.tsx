"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { applyServerErrors, controlClass, Field } from "@/components/admin/form-fields";
import { useAnnounce } from "@/components/moderation/moderation-announcer";
import type { ActionResult } from "@/lib/errors";
import { addModeratorNoteSchema, NOTE_MAX, type AddModeratorNoteInput } from "@/lib/moderation/schema";

type Props = { contributionId: string; action: (input: AddModeratorNoteInput) => Promise<ActionResult> };

/** A note in the contribution's log that only moderators read. */
export function ModeratorNoteForm({ contributionId, action }: Props) {
  const router = useRouter();
  const announce = useAnnounce();
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<AddModeratorNoteInput>({ resolver: zodResolver(addModeratorNoteSchema), defaultValues: { contributionId, note: "" } });

  const submit = handleSubmit(async (values) => {
    const result = await action(values);
    if (result.ok) {
      reset({ contributionId, note: "" });
      router.refresh();
    } else {
      applyServerErrors(result, (name) => name === "note", (_name, message, focus) => setError("note", { message }, { shouldFocus: focus }));
    }
    announce({ ok: result.ok, message: result.message ?? "Note added." });
  });

  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      <Field id="moderator-note" label="Internal note" hint="Only moderators read it; it stays in the history." error={errors.note?.message} required>
        {(control) => <textarea {...control} {...register("note")} rows={3} maxLength={NOTE_MAX} className={controlClass} />}
      </Field>
      <button type="submit" disabled={isSubmitting} className="rounded-md border border-slate-400 bg-white px-4 py-2 font-medium hover:bg-slate-100 disabled:opacity-60">
        {isSubmitting ? "Adding…" : "Add note"}
      </button>
    </form>
  );
}

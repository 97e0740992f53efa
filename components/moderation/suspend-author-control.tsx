"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormDialog } from "@/components/moderation/form-dialog";
import { useAnnounce } from "@/components/ui/form/announcer";
import { FormErrorSummary } from "@/components/ui/form/form-outcome";
import { TextareaField } from "@/components/ui/form/textarea-field";
import { useActionForm } from "@/components/ui/form/use-action-form";
import type { ActionResult } from "@/lib/errors";
import { setUserSuspendedSchema } from "@/lib/users/schema";

type Props = {
  userId: string;
  authorName: string;
  action: (input: { userId: string; reason?: string }) => Promise<ActionResult>;
};

/** Suspend the author, after a confirmation that asks why (kept in the log). */
export function SuspendAuthorControl({ userId, authorName, action }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="rounded-md border border-red-800 bg-white px-4 py-2 font-medium text-red-800 hover:bg-red-50"
      >
        Suspend this author…
      </button>
      <FormDialog
        open={open}
        onClose={() => setOpen(false)}
        title={`Suspend ${authorName}?`}
        description={
          <p>
            They are signed out at once and can no longer sign in or contribute, and their pending contributions leave the queue until the
            suspension is lifted. Published contributions stay published, and stay in the queue while they are reported.
          </p>
        }
      >
        <SuspendForm userId={userId} action={action} onDone={() => setOpen(false)} />
      </FormDialog>
    </>
  );
}

function SuspendForm({ userId, action, onDone }: Omit<Props, "authorName"> & { onDone: () => void }) {
  const router = useRouter();
  const announce = useAnnounce();
  const { form, outcome, onSubmit } = useActionForm({
    schema: setUserSuspendedSchema,
    action: (values) => action({ userId, reason: values.reason }),
    fields: ["reason"],
    defaultValues: { userId, suspended: true, reason: "" },
    successMessage: "Account suspended.",
    // Said in the moderation pages' live region; the dialog closes.
    onSuccess: (_change, { message }) => {
      announce({ ok: true, message });
      onDone();
      router.refresh();
    },
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormErrorSummary message={outcome?.ok === false ? outcome.message : null} />
      <TextareaField
        id="suspend-reason"
        label="Why are you suspending this account?"
        hint="Kept in the moderation log for administrators."
        rows={3}
        maxLength={500}
        error={errors.reason?.message}
        required
        {...register("reason")}
      />
      <div className="flex flex-wrap gap-3">
        <button type="submit" disabled={isSubmitting} className="rounded-md bg-red-700 px-4 py-2 font-medium text-white hover:bg-red-800 disabled:opacity-60">
          {isSubmitting ? "Suspending…" : "Suspend account"}
        </button>
        <button type="button" onClick={onDone} className="rounded-md border border-slate-400 px-4 py-2 font-medium hover:bg-slate-100">
          Cancel
        </button>
      </div>
    </form>
  );
}

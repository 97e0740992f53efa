"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyServerErrors, controlClass, Field, FormOutcome } from "@/components/admin/form-fields";
import { FormDialog } from "@/components/moderation/form-dialog";
import { useAnnounce } from "@/components/moderation/moderation-announcer";
import type { ActionResult } from "@/lib/errors";
import { setUserSuspendedSchema, type SetUserSuspendedInput } from "@/lib/users/schema";

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
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<SetUserSuspendedInput>({ resolver: zodResolver(setUserSuspendedSchema), defaultValues: { userId, suspended: true, reason: "" } });

  const submit = handleSubmit(async (values) => {
    setFailure(null);
    const result = await action({ userId, reason: values.reason });
    if (result.ok) {
      announce({ ok: true, message: result.message ?? "Account suspended." });
      onDone();
      router.refresh();
      return;
    }
    setFailure(applyServerErrors(result, (name) => name === "reason", (_name, message, focus) => setError("reason", { message }, { shouldFocus: focus })));
  });

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <FormOutcome outcome={failure ? { ok: false, message: failure } : null} />
      <Field id="suspend-reason" label="Why are you suspending this account?" hint="Kept in the moderation log for administrators." error={errors.reason?.message} required>
        {(control) => <textarea {...control} {...register("reason")} rows={3} maxLength={500} className={controlClass} />}
      </Field>
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

"use client";

import { useId } from "react";
import { useRowAnnouncer } from "@/components/admin/use-row-outcome";
import { useActionForm } from "@/components/ui/form/use-action-form";
import type { ActionResult } from "@/lib/errors";
import type { SuspensionChange } from "@/lib/users/set-user-suspended";
import { setUserSuspendedSchema, type SetUserSuspendedInput } from "@/lib/users/schema";

type Props = {
  userId: string;
  userLabel: string;
  suspended: boolean;
  action: (input: SetUserSuspendedInput) => Promise<ActionResult<SuspensionChange>>;
};

const buttonClass = "rounded-md px-3 py-1.5 text-sm font-medium disabled:opacity-60";

export function UserSuspensionForm({ userId, userLabel, suspended, action }: Props) {
  const reasonId = useId();
  const errorId = useId();
  const statusId = useId();
  const { form, outcome, onSubmit } = useActionForm({
    schema: setUserSuspendedSchema,
    action,
    fields: ["reason"],
    // The form asks for the opposite of the current state.
    values: { userId, suspended: !suspended, reason: "" },
    successMessage: "Done.",
    onOutcome: useRowAnnouncer(userLabel),
    onSuccess: (_change, { form }) => form.reset(),
  });
  const {
    register,
    formState: { isSubmitting, errors },
  } = form;

  const status = (
    <p id={statusId} className={`text-sm ${outcome?.ok === false ? "text-red-800" : "text-green-900"}`}>
      {outcome?.message}
    </p>
  );

  if (suspended) {
    return (
      <form onSubmit={onSubmit} noValidate className="space-y-1">
        <button type="submit" disabled={isSubmitting} aria-describedby={statusId} className={`${buttonClass} border border-slate-400 bg-white hover:bg-slate-100`}>
          {isSubmitting ? "Lifting…" : "Lift suspension"}
          <span className="sr-only"> of {userLabel}</span>
        </button>
        {status}
      </form>
    );
  }

  return (
    <div className="space-y-1">
      <details className="group">
        <summary className="cursor-pointer text-sm font-medium text-red-800">
          Suspend<span className="sr-only"> {userLabel}</span>…
        </summary>
        <form onSubmit={onSubmit} noValidate className="mt-2 space-y-2">
          <label htmlFor={reasonId} className="block text-sm font-medium">
            Reason for suspending {userLabel}
          </label>
          <textarea
            id={reasonId}
            rows={2}
            {...register("reason")}
            aria-invalid={errors.reason ? true : undefined}
            aria-describedby={errors.reason ? errorId : undefined}
            className="block w-full min-w-56 rounded-md border border-slate-400 px-2 py-1 text-sm"
          />
          {errors.reason ? (
            <p id={errorId} className="text-sm text-red-800">
              {errors.reason.message}
            </p>
          ) : null}
          <button type="submit" disabled={isSubmitting} className={`${buttonClass} bg-red-700 text-white hover:bg-red-800`}>
            {isSubmitting ? "Suspending…" : "Suspend account"}
          </button>
        </form>
      </details>
      {status}
    </div>
  );
}

"use client";

import { useId } from "react";
import { useRowAnnouncer } from "@/components/admin/use-row-outcome";
import { useActionForm } from "@/components/ui/form/use-action-form";
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { ActionResult } from "@/lib/errors";
import { Role } from "@/lib/generated/prisma/enums";
import type { RoleChange } from "@/lib/users/change-user-role";
import { changeUserRoleSchema, type ChangeUserRoleInput } from "@/lib/users/schema";

type Props = {
  userId: string;
  /** Who the row is about, for the field's accessible name. */
  userLabel: string;
  role: Role;
  action: (input: ChangeUserRoleInput) => Promise<ActionResult<RoleChange>>;
};

export function UserRoleForm({ userId, userLabel, role, action }: Props) {
  const selectId = useId();
  const statusId = useId();
  const { form, outcome, onSubmit } = useActionForm({
    schema: changeUserRoleSchema,
    action,
    fields: ["role"],
    defaultValues: { userId, role },
    successMessage: "Role changed.",
    onOutcome: useRowAnnouncer(userLabel),
  });
  const {
    register,
    formState: { isSubmitting, errors },
  } = form;

  const message = errors.role?.message ?? outcome?.message;
  const isError = Boolean(errors.role) || outcome?.ok === false;

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-center gap-2">
      <input type="hidden" {...register("userId")} />
      <label htmlFor={selectId} className="sr-only">
        Role of {userLabel}
      </label>
      <select
        id={selectId}
        {...register("role")}
        aria-describedby={statusId}
        aria-invalid={errors.role ? true : undefined}
        className="rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm"
      >
        {Object.values(Role).map((value) => (
          <option key={value} value={value}>
            {ROLE_LABELS[value]}
          </option>
        ))}
      </select>
      <button
        type="submit"
        disabled={isSubmitting}
        className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {isSubmitting ? "Changing…" : "Change role"}
        <span className="sr-only"> of {userLabel}</span>
      </button>
      <p id={statusId} className={`w-full text-sm ${isError ? "text-red-800" : "text-green-900"}`}>
        {message}
      </p>
    </form>
  );
}

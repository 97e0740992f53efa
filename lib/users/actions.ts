"use server";

import { revalidatePath } from "next/cache";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { toActionError, type ActionResult } from "@/lib/errors";
import { changeUserRole, type RoleChange } from "@/lib/users/change-user-role";
import { setUserSuspended, type SuspensionChange } from "@/lib/users/set-user-suspended";

// Thin entry points: the domain functions check the caller and the input.

export async function changeUserRoleAction(input: unknown): Promise<ActionResult<RoleChange>> {
  let result: RoleChange;
  try {
    result = await changeUserRole(input);
  } catch (error) {
    return toActionError(error, { action: "changeUserRole" });
  }
  revalidatePath("/admin/users");
  const role = ROLE_LABELS[result.role];
  return {
    ok: true,
    data: result,
    message: result.changed
      ? `Role changed from ${ROLE_LABELS[result.previousRole]} to ${role}. They have been signed out everywhere.`
      : `Nothing to change: the role is already ${role}.`,
  };
}

export async function setUserSuspendedAction(input: unknown): Promise<ActionResult<SuspensionChange>> {
  let result: SuspensionChange;
  try {
    result = await setUserSuspended(input);
  } catch (error) {
    return toActionError(error, { action: "setUserSuspended" });
  }
  revalidatePath("/admin/users");
  const message = result.suspended
    ? result.changed
      ? "Account suspended. They have been signed out and cannot sign in."
      : "This account was already suspended."
    : result.changed
      ? "Suspension lifted. They can sign in again."
      : "This account was not suspended.";
  return { ok: true, data: result, message };
}

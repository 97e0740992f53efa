"use server";

import { defineAction } from "@/lib/actions/define-action";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { changeUserRole } from "@/lib/users/change-user-role";
import { setUserSuspended, type SuspensionChange } from "@/lib/users/set-user-suspended";

// Entry points of the list of users: the domain functions check the caller and the input.

const userPages = () => ["/admin/users"];

function suspensionMessage(result: SuspensionChange): string {
  if (result.suspended) return result.changed ? "Account suspended. They have been signed out and cannot sign in." : "This account was already suspended.";
  return result.changed ? "Suspension lifted. They can sign in again." : "This account was not suspended.";
}

export const changeUserRoleAction = defineAction("changeUserRole", changeUserRole, {
  revalidate: userPages,
  message: (result) => {
    const role = ROLE_LABELS[result.role];
    return result.changed
      ? `Role changed from ${ROLE_LABELS[result.previousRole]} to ${role}. They have been signed out everywhere.`
      : `Nothing to change: the role is already ${role}.`;
  },
});

export const setUserSuspendedAction = defineAction("setUserSuspended", setUserSuspended, {
  revalidate: userPages,
  message: suspensionMessage,
});

import "server-only";
import { requireRole } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { AppError, notFound, parseInput } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { changeUserRoleSchema } from "@/lib/users/schema";

export type RoleChange = { userId: string; previousRole: Role; role: Role; changed: boolean };

/**
 * Administrators only. Gives a user another role, ends their sessions (the
 * new role applies from their next sign-in) and logs the change, in one
 * transaction.
 */
export async function changeUserRole(input: unknown): Promise<RoleChange> {
  const actor = await requireRole("ADMIN");
  const { userId, role } = parseInput(changeUserRoleSchema, input);
  // Otherwise the last administrator could demote themselves and nobody
  // could ever administer the site again.
  if (userId === actor.id) {
    throw new AppError("FORBIDDEN", "You cannot change your own role. Ask another administrator to do it.");
  }
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true } });
    if (!user) throw notFound("This user");
    if (user.role === role) return { userId, previousRole: role, role, changed: false };
    // Conditional on the role we read: a concurrent change by another
    // administrator makes this one fail instead of logging a wrong "from".
    const { count } = await tx.user.updateMany({
      where: { id: userId, role: user.role },
      data: { role, sessionVersion: { increment: 1 } },
    });
    if (count !== 1) throw new AppError("CONFLICT", "Someone else changed this user's role just now. Reload the page and try again.");
    await tx.moderationEvent.create({
      data: { action: "CHANGE_ROLE", actorId: actor.id, subjectUserId: userId, note: `${user.role} → ${role}` },
    });
    return { userId, previousRole: user.role, role, changed: true };
  });
}

import "server-only";
import { requireRole } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { setUserSuspendedSchema } from "@/lib/users/schema";

export type SuspensionChange = { userId: string; suspended: boolean; changed: boolean };

/**
 * Administrators only (moderators too in a later issue). Suspending ends the
 * user's sessions at once and blocks sign-in; lifting it lets them sign in
 * again. Each change is logged with its reason, in one transaction.
 */
export async function setUserSuspended(input: unknown): Promise<SuspensionChange> {
  const actor = await requireRole("ADMIN");
  const { userId, suspended, reason } = parseInput(setUserSuspendedSchema, input);
  if (userId === actor.id) {
    throw new AppError("FORBIDDEN", "You cannot suspend or reinstate your own account.");
  }
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, suspendedAt: true } });
    if (!user) throw notFound("This user");
    if ((user.suspendedAt !== null) === suspended) return { userId, suspended, changed: false };
    const { count } = await tx.user.updateMany({
      where: { id: userId, suspendedAt: suspended ? null : { not: null } },
      data: suspended
        ? { suspendedAt: new Date(), suspendedReason: reason ?? null, sessionVersion: { increment: 1 } }
        : { suspendedAt: null, suspendedReason: null },
    });
    if (count !== 1) throw new AppError("CONFLICT", "Someone else changed this account just now. Reload the page and try again.");
    await tx.moderationEvent.create({
      data: {
        action: suspended ? "SUSPEND_USER" : "UNSUSPEND_USER",
        actorId: actor.id,
        subjectUserId: userId,
        reason: reason ?? null,
      },
    });
    return { userId, suspended, changed: true };
  });
}

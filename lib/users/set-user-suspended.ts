import "server-only";
import { requireRole } from "@/lib/auth/current-user";
import { canAdminister } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { setUserSuspendedSchema } from "@/lib/users/schema";

export type SuspensionChange = { userId: string; suspended: boolean; changed: boolean };

/**
 * Administrators suspend or reinstate any account but their own; moderators
 * only participants' accounts, so a moderator cannot lock out the people who
 * oversee them. Suspending ends the user's sessions at once and blocks
 * sign-in; lifting it lets them sign in again. Each change is logged with its
 * reason, in one transaction.
 */
export async function setUserSuspended(input: unknown): Promise<SuspensionChange> {
  const actor = await requireRole("MODERATOR");
  const { userId, suspended, reason } = parseInput(setUserSuspendedSchema, input);
  if (userId === actor.id) {
    throw new AppError("FORBIDDEN", "You cannot suspend or reinstate your own account.");
  }
  const participantsOnly = !canAdminister(actor.role);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true, suspendedAt: true } });
    if (!user) throw notFound("This user");
    if (participantsOnly && user.role !== "PARTICIPANT") {
      throw new AppError("FORBIDDEN", "Moderators can suspend or reinstate participants only. Ask an administrator about this account.");
    }
    if ((user.suspendedAt !== null) === suspended) return { userId, suspended, changed: false };
    const { count } = await tx.user.updateMany({
      // For a moderator, still a participant: a promotion meanwhile makes this match nothing.
      where: { id: userId, suspendedAt: suspended ? null : { not: null }, ...(participantsOnly ? { role: "PARTICIPANT" as const } : {}) },
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

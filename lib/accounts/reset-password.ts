import "server-only";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { clearFailedSignIns } from "@/lib/auth/rate-limit";
import { AppError, parseInputAsync } from "@/lib/errors";
import { resetPasswordSchema } from "@/lib/accounts/schema";
import { consumeAuthToken } from "@/lib/accounts/auth-tokens";
import { passwordChangedEmail } from "@/lib/accounts/account-emails";
import { enqueueEmail } from "@/lib/mail/enqueue-email";
import { deliverPendingEmailsAfterCommit } from "@/lib/mail/deliver-pending-emails";

const LINK_PROBLEMS = {
  EXPIRED: "This link has expired. Ask for a new one below.",
  USED: "This link has already been used. If you need to, ask for a new one below.",
  INVALID: "This link is not valid. Ask for a new one below.",
} as const;

/**
 * Sets a new password from a reset link. Every existing session ends (the
 * session version moves on), and the address counts as confirmed: the link
 * reached its inbox.
 */
export async function resetPassword(input: unknown): Promise<{ message: string }> {
  const data = await parseInputAsync(resetPasswordSchema, input);
  const passwordHash = await hashPassword(data.password);
  const { email, dedupeKey } = await db.$transaction(async (tx) => {
    const consumed = await consumeAuthToken(tx, data.token, "PASSWORD_RESET");
    if (!consumed.ok) throw new AppError("INVALID_STATE", LINK_PROBLEMS[consumed.reason]);
    const current = await tx.user.findUniqueOrThrow({ where: { id: consumed.userId }, select: { emailVerified: true } });
    const user = await tx.user.update({
      where: { id: consumed.userId },
      data: { passwordHash, sessionVersion: { increment: 1 }, emailVerified: current.emailVerified ?? new Date() },
      select: { id: true, email: true, sessionVersion: true },
    });
    await tx.authToken.deleteMany({ where: { userId: user.id, kind: "PASSWORD_RESET", usedAt: null } });
    const notice = passwordChangedEmail(user.email, user.id, user.sessionVersion);
    await enqueueEmail(tx, notice);
    return { email: user.email, dedupeKey: notice.dedupeKey };
  });
  // Failed sign-ins that led here should not lock out the new password.
  await clearFailedSignIns(email);
  await deliverPendingEmailsAfterCommit([dedupeKey]);
  return { message: "Your password has been changed. Sign in with your new password." };
}

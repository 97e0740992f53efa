import "server-only";
import { headers } from "next/headers";
import { db } from "@/lib/db";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { requireUser } from "@/lib/auth/current-user";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { clearFailedSignIns, isSignInBlocked, recordFailedSignIn } from "@/lib/auth/rate-limit";
import { AppError, parseInputAsync } from "@/lib/errors";
import { changePasswordSchema } from "@/lib/accounts/schema";
import { passwordChangedEmail } from "@/lib/accounts/account-emails";
import { enqueueEmail } from "@/lib/mail/enqueue-email";
import { deliverPendingEmailsAfterCommit } from "@/lib/mail/deliver-pending-emails";

/**
 * Changes the caller's password after checking the current one. Every
 * session ends, this one included: the user signs in again with the new
 * password. Wrong current passwords count as failed sign-ins, so a stolen
 * session cannot be used to guess the password.
 */
export async function changeMyPassword(input: unknown): Promise<{ message: string }> {
  const me = await requireUser();
  const data = await parseInputAsync(changePasswordSchema, input);
  const ip = clientIpFromHeaders(await headers());
  if (await isSignInBlocked(me.email, ip)) {
    throw new AppError("RATE_LIMITED", "Too many wrong passwords. Wait 15 minutes, then try again.");
  }
  const { passwordHash: currentHash } = await db.user.findUniqueOrThrow({ where: { id: me.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(currentHash, data.currentPassword))) {
    await recordFailedSignIn(me.email, ip);
    throw new AppError("VALIDATION", "Please correct the highlighted fields.", { currentPassword: ["This is not your current password."] });
  }
  const passwordHash = await hashPassword(data.newPassword);
  const dedupeKey = await db.$transaction(async (tx) => {
    const user = await tx.user.update({
      where: { id: me.id },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { id: true, email: true, sessionVersion: true },
    });
    const notice = passwordChangedEmail(user.email, user.id, user.sessionVersion);
    await enqueueEmail(tx, notice);
    return notice.dedupeKey;
  });
  await clearFailedSignIns(me.email);
  await deliverPendingEmailsAfterCommit([dedupeKey]);
  return { message: "Your password has been changed. Please sign in again with your new password." };
}

import "server-only";
import { db } from "@/lib/db";
import type { AuthTokenKind } from "@/lib/generated/prisma/enums";
import { issueAuthToken, wasTokenIssuedRecently } from "@/lib/accounts/auth-tokens";
import { enqueueEmail, type EmailToSend } from "@/lib/mail/enqueue-email";
import { deliverPendingEmailsAfterCommit } from "@/lib/mail/deliver-pending-emails";

type Recipient = { id: string; emailVerified: Date | null; suspendedAt: Date | null };

// A new link at most once a minute per account and kind, so these forms
// cannot be used to flood someone's inbox.
const RESEND_INTERVAL_MS = 60_000;

/**
 * Mails a fresh link of `kind` to the account with this address when there
 * is one and `isEligible` says so; otherwise does nothing. Callers answer
 * the same either way, so the forms do not reveal who has an account.
 */
export async function mailTokenLink(
  email: string,
  kind: AuthTokenKind,
  isEligible: (user: Recipient) => boolean,
  compose: (to: string, tokenId: string, token: string) => EmailToSend,
): Promise<void> {
  const dedupeKey = await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, emailVerified: true, suspendedAt: true } });
    if (!user || !isEligible(user)) return null;
    if (await wasTokenIssuedRecently(tx, user.id, kind, RESEND_INTERVAL_MS)) return null;
    const { id, token } = await issueAuthToken(tx, user.id, kind);
    const message = compose(email, id, token);
    await enqueueEmail(tx, message);
    return message.dedupeKey;
  });
  if (dedupeKey) await deliverPendingEmailsAfterCommit([dedupeKey]);
}

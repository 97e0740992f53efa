import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

export type EmailToSend = {
  /** Same key, same e-mail: enqueueing it again is a no-op. */
  dedupeKey: string;
  to: string;
  subject: string;
  text: string;
};

/**
 * Records an e-mail in the outbox inside the caller's transaction, so it is
 * sent if and only if the change that caused it commits. Call
 * deliverPendingEmails() after the commit to send it at once.
 */
export async function enqueueEmail(tx: Prisma.TransactionClient, email: EmailToSend): Promise<void> {
  await tx.emailOutbox.createMany({ data: [email], skipDuplicates: true });
}

import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { getMailTransport } from "@/lib/mail/transport";

export const MAX_ATTEMPTS = 8;
const BATCH_SIZE = 20;
// A claimed row is not offered to another deliverer for this long. If the
// process dies mid-send, the row becomes due again once the lease runs out.
const LEASE_MS = 5 * 60_000;
const FIRST_RETRY_MS = 60_000;
const MAX_RETRY_MS = 6 * 60 * 60_000;

/** Wait before the attempt after `attempts` failed ones: 1, 2, 4 … minutes, at most 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}

export type DeliveryReport = { sent: number; retrying: number; failed: number };

type Claimed = { id: string; to: string; subject: string; text: string; attempts: number };

// Claiming is its own short transaction: SKIP LOCKED lets concurrent
// deliverers (several app instances, the worker) take disjoint rows, and
// pushing nextAttemptAt past the lease before commit keeps the rows from
// being claimed again while they are being sent. The send itself happens
// outside any transaction: a slow mail server never holds a database lock
// (and, on PGlite's single connection, never blocks the app).
async function claimDueEmails(now: Date, dedupeKeys: string[] | undefined): Promise<Claimed[]> {
  if (dedupeKeys?.length === 0) return [];
  const onlyThese = dedupeKeys ? Prisma.sql`AND "dedupeKey" IN (${Prisma.join(dedupeKeys)})` : Prisma.empty;
  return db.$transaction(async (tx) => {
    // Timestamps are stored as UTC without a zone: compare with the UTC
    // wall-clock value, whatever the database session's time zone is.
    const due = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "EmailOutbox"
      WHERE "status" = 'PENDING' AND "nextAttemptAt" <= ${now.toISOString()}::timestamptz AT TIME ZONE 'UTC' ${onlyThese}
      ORDER BY "nextAttemptAt", "createdAt"
      LIMIT ${BATCH_SIZE}
      FOR UPDATE SKIP LOCKED`;
    if (due.length === 0) return [];
    const ids = due.map((row) => row.id);
    await tx.emailOutbox.updateMany({
      where: { id: { in: ids } },
      data: { attempts: { increment: 1 }, nextAttemptAt: new Date(now.getTime() + LEASE_MS) },
    });
    return tx.emailOutbox.findMany({ where: { id: { in: ids } }, select: { id: true, to: true, subject: true, text: true, attempts: true } });
  });
}

// A stopping worker hands back the rows it claimed but has not tried, so
// they are due again at once instead of after the lease, and the attempt
// that never happened is not counted.
async function releaseClaims(emails: Claimed[], now: Date): Promise<void> {
  await db.emailOutbox.updateMany({
    where: { id: { in: emails.map((email) => email.id) }, status: "PENDING" },
    data: { attempts: { decrement: 1 }, nextAttemptAt: now },
  });
}

/**
 * Sends the due e-mails of the outbox (a batch of them, or only those with
 * the given dedupe keys) once. Safe to run concurrently and repeatedly: the
 * background worker calls it in a loop, domain functions right after the
 * commit that enqueued their e-mail. `attempts` counts the deliveries tried,
 * including the one that succeeded. Once `signal` is aborted no further
 * e-mail of the batch is tried (the one being sent finishes).
 */
export async function deliverPendingEmails(
  options: { now?: Date; dedupeKeys?: string[]; signal?: AbortSignal } = {},
): Promise<DeliveryReport> {
  const now = options.now ?? new Date();
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  const transport = getMailTransport();
  const claimed = await claimDueEmails(now, options.dedupeKeys);
  for (const [index, email] of claimed.entries()) {
    if (options.signal?.aborted) {
      await releaseClaims(claimed.slice(index), now);
      break;
    }
    try {
      await transport.send(email);
      await db.emailOutbox.update({ where: { id: email.id }, data: { status: "SENT", sentAt: new Date(), lastError: null } });
      report.sent += 1;
    } catch (error) {
      const lastError = error instanceof Error ? error.message.slice(0, 1000) : String(error);
      const giveUp = email.attempts >= MAX_ATTEMPTS;
      await db.emailOutbox.update({
        where: { id: email.id },
        data: giveUp ? { status: "FAILED", lastError } : { lastError, nextAttemptAt: new Date(now.getTime() + retryDelayMs(email.attempts)) },
      });
      if (giveUp) report.failed += 1;
      else report.retrying += 1;
      console.warn(`[mail] delivery of ${email.id} failed (attempt ${email.attempts} of ${MAX_ATTEMPTS}${giveUp ? ", giving up" : ""}): ${lastError}`);
    }
  }
  return report;
}

/** How long a request waits for its own e-mails after its commit. */
const AFTER_COMMIT_WAIT_MS = 2_000;

/**
 * For domain functions, after their transaction committed: tries to send
 * their own e-mails now (not the whole backlog: a request must not wait for
 * other people's retries), but a mail problem never fails the request; the
 * outbox keeps the message for the next delivery run. Nor does a mail server
 * that does not answer hold the request: after AFTER_COMMIT_WAIT_MS it
 * returns, no further e-mail is tried (the claimed rest is handed back, due
 * at once for the worker), and the one being sent finishes on its own, its
 * outcome recorded as usual.
 */
export async function deliverPendingEmailsAfterCommit(dedupeKeys: string[]): Promise<void> {
  const controller = new AbortController();
  const delivery = deliverPendingEmails({ dedupeKeys, signal: controller.signal }).then(
    () => {},
    (error: unknown) => console.error("[mail] outbox delivery failed", error),
  );
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve();
    }, AFTER_COMMIT_WAIT_MS);
  });
  await Promise.race([delivery, waited]);
  clearTimeout(timer);
}

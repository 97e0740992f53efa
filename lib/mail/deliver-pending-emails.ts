import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { getMailTransport } from "@/lib/mail/transport";

export const MAX_ATTEMPTS = 8;
const BATCH_SIZE = 20;
// A claimed row is not offered to another deliverer for this long after its
// claim. If the process dies mid-send, the row becomes due again once the
// lease runs out.
const LEASE_MS = 5 * 60_000;
const FIRST_RETRY_MS = 60_000;
const MAX_RETRY_MS = 6 * 60 * 60_000;

/** Wait before the attempt after `attempts` failed ones: 1, 2, 4 … minutes, at most 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}

export type DeliveryReport = { sent: number; retrying: number; failed: number };

/** An e-mail claimed for one attempt, until `leasedUntil`: the claim's token. */
type Claimed = { id: string; to: string; subject: string; text: string; attempts: number; leasedUntil: Date };

// Each e-mail is claimed on its own, right before it is sent, so its lease
// runs from its own send (a batch claimed at once would let the last ones
// outlive their lease behind a slow server). One statement: SKIP LOCKED lets
// concurrent deliverers (several app instances, the worker) take different
// rows, and pushing nextAttemptAt past the lease keeps the row from being
// claimed again while it is sent. The send itself happens outside any
// transaction: a slow mail server never holds a database lock (and, on
// PGlite's single connection, never blocks the app). Timestamps are stored
// as UTC without a zone: compared and written as UTC wall-clock values,
// whatever the database session's time zone is.
async function claimNextDueEmail(now: Date, dedupeKeys: string[] | undefined): Promise<Claimed | null> {
  if (dedupeKeys?.length === 0) return null;
  const onlyThese = dedupeKeys ? Prisma.sql`AND "dedupeKey" IN (${Prisma.join(dedupeKeys)})` : Prisma.empty;
  const leasedUntil = new Date(now.getTime() + LEASE_MS);
  const [claimed] = await db.$queryRaw<Omit<Claimed, "leasedUntil">[]>`
    UPDATE "EmailOutbox"
    SET "attempts" = "attempts" + 1, "nextAttemptAt" = ${leasedUntil.toISOString()}::timestamptz AT TIME ZONE 'UTC'
    WHERE "id" = (
      SELECT "id" FROM "EmailOutbox"
      WHERE "status" = 'PENDING' AND "nextAttemptAt" <= ${now.toISOString()}::timestamptz AT TIME ZONE 'UTC' ${onlyThese}
      ORDER BY "nextAttemptAt", "createdAt"
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "to", "subject", "text", "attempts"`;
  return claimed ? { ...claimed, leasedUntil } : null;
}

// A sender whose lease ran out may still finish after another one claimed
// the e-mail. Scheduling the next attempt (or giving up) is the claim
// holder's alone: keyed on the claim, a late failure changes nothing. That
// the mail server accepted the e-mail is true whoever claimed it, so SENT
// only needs the row to be pending still: the other sender's outcome, keyed
// on its claim, then changes nothing either.
const stillClaimed = (email: Claimed) => ({ id: email.id, status: "PENDING" as const, attempts: email.attempts, nextAttemptAt: email.leasedUntil });

/**
 * Sends the due e-mails of the outbox (a batch of them, or only those with
 * the given dedupe keys) once. Safe to run concurrently and repeatedly: the
 * background worker calls it in a loop, domain functions right after the
 * commit that enqueued their e-mail. `attempts` counts the deliveries tried,
 * including the one that succeeded. Once `signal` is aborted no further
 * e-mail is claimed (the one being sent finishes). `now` stands for the
 * clock (tests).
 */
export async function deliverPendingEmails(
  options: { now?: Date; dedupeKeys?: string[]; signal?: AbortSignal } = {},
): Promise<DeliveryReport> {
  const clock = () => options.now ?? new Date();
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  const transport = getMailTransport();
  for (let tried = 0; tried < BATCH_SIZE && !options.signal?.aborted; tried += 1) {
    const email = await claimNextDueEmail(clock(), options.dedupeKeys);
    if (!email) break;
    try {
      await transport.send(email);
      await db.emailOutbox.updateMany({ where: { id: email.id, status: "PENDING" }, data: { status: "SENT", sentAt: new Date(), lastError: null } });
      report.sent += 1;
    } catch (error) {
      const lastError = error instanceof Error ? error.message.slice(0, 1000) : String(error);
      const giveUp = email.attempts >= MAX_ATTEMPTS;
      await db.emailOutbox.updateMany({
        where: stillClaimed(email),
        data: giveUp ? { status: "FAILED", lastError } : { lastError, nextAttemptAt: new Date(clock().getTime() + retryDelayMs(email.attempts)) },
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
 * returns, no further e-mail is claimed (the rest stay due for the worker),
 * and the one being sent finishes on its own, its outcome recorded as usual.
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

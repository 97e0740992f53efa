import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ContributionStatus } from "@/lib/generated/prisma/enums";
import { enqueueEmail, type EmailToSend } from "@/lib/mail/enqueue-email";
import { SUBMITTED_STATUS, TRANSITIONS } from "@/lib/contributions/lifecycle/transitions";
import { logTransition } from "@/lib/contributions/lifecycle/write-transition";

// SUBMIT, the transition that creates a contribution. The submission inserts
// the row itself (its reference, phase, text and files are its own); what the
// lifecycle decides about it comes from here, as the table's SUBMIT row says.

/** The lifecycle columns a contribution submitted now starts with. */
export function submissionState(now: Date): { status: ContributionStatus; awaitingSince: Date | null } {
  return { status: SUBMITTED_STATUS, awaitingSince: TRANSITIONS.SUBMIT.writes.awaitingSince === "now" ? now : null };
}

/** Logs the submission and records the author's receipt in the outbox, in the submission's transaction; returns the e-mail's key. */
export async function recordSubmission(
  tx: Prisma.TransactionClient,
  { contribution, now, receipt }: { contribution: { id: string; authorId: string }; now: Date; receipt: EmailToSend },
): Promise<string> {
  await logTransition(tx, { action: "SUBMIT", contribution, actorId: contribution.authorId, from: null, to: SUBMITTED_STATUS, reason: null, note: null, now });
  await enqueueEmail(tx, receipt);
  return receipt.dedupeKey;
}

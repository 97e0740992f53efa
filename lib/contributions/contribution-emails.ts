import "server-only";
import { getEnv } from "@/lib/env";
import type { Phase } from "@/lib/generated/prisma/enums";
import type { EmailToSend } from "@/lib/mail/enqueue-email";
import { PHASE_LABELS } from "@/lib/vocabulary/phases";

// The receipt a participant keeps: the reference to quote when they write to
// the organisers, and a link back to the contribution. Plain text, like the
// account e-mails.

const SIGNATURE = "\n\n-- \nAgora, public consultations around policy conferences";

export function receiptPath(reference: string): string {
  return `/contributions/${reference}/receipt`;
}

export function contributionReceiptEmail(
  to: string,
  contribution: { id: string; reference: string; title: string; phase: Phase; consultationTitle: string },
): EmailToSend {
  return {
    dedupeKey: `contribution-receipt:${contribution.id}`,
    to,
    subject: `We received your contribution ${contribution.reference}`,
    text:
      `Thank you for your contribution to the consultation "${contribution.consultationTitle}".\n\n` +
      `Reference: ${contribution.reference}\n` +
      `Title: ${contribution.title}\n` +
      `Submitted: ${PHASE_LABELS[contribution.phase].toLowerCase()}\n` +
      `Status: pending review\n\n` +
      `A moderator will check it against the participation rules. Once approved it is published as you chose; ` +
      `until then only you and the moderators can read it, and you can still edit or withdraw it.\n\n` +
      `See your contribution: ${getEnv().appUrl}${receiptPath(contribution.reference)}\n\n` +
      `Please quote the reference if you write to us about it.` +
      SIGNATURE,
  };
}

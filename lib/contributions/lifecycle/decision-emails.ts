import "server-only";
import { getEnv } from "@/lib/env";
import type { PublicationPreference } from "@/lib/generated/prisma/enums";
import type { EmailToSend } from "@/lib/mail/enqueue-email";
import type { DecisionAction } from "@/lib/contributions/lifecycle/transitions";

// What the author is told about a moderation decision: a notice on the site
// and an e-mail. Both say what was decided and, for a rejection or hiding,
// the reason the moderator gave the author. Never who decided, never the
// moderators' internal note: those stay in the moderation log.

const SIGNATURE = "\n\n-- \nAgora, public consultations around policy conferences";

export type DecidedContribution = {
  reference: string;
  title: string;
  publication: PublicationPreference;
  consultationTitle: string;
};

/** Where the author reads it: the public page once it is published, their own view otherwise. */
export function decisionLink(decision: DecisionAction, reference: string): string {
  return decision === "APPROVE" || decision === "RESTORE" ? `/contributions/${reference}` : `/my-contributions/${reference}`;
}

const PUBLISHED_AS: Record<PublicationPreference, string> = {
  PUBLIC: "with your name, as you chose",
  ANONYMOUS: "without your name, as you chose",
};

function named(contribution: DecidedContribution): string {
  return `Your contribution "${contribution.title}" (${contribution.reference})`;
}

export function decisionNotice(decision: DecisionAction, contribution: DecidedContribution, reason: string | null): { message: string; link: string } {
  const what = named(contribution);
  const messages: Record<DecisionAction, string> = {
    APPROVE: `${what} has been approved and is now published.`,
    REJECT: `${what} was not approved for publication. Reason: ${reason}`,
    HIDE: `${what} has been hidden from the public by the moderators. Reason: ${reason}`,
    RESTORE: `${what} has been restored and is published again.`,
  };
  return { message: messages[decision], link: decisionLink(decision, contribution.reference) };
}

const SUBJECTS: Record<DecisionAction, (reference: string) => string> = {
  APPROVE: (reference) => `Your contribution ${reference} is published`,
  REJECT: (reference) => `Your contribution ${reference} was not approved`,
  HIDE: (reference) => `Your contribution ${reference} has been hidden`,
  RESTORE: (reference) => `Your contribution ${reference} is published again`,
};

export function decisionEmail(to: string, eventId: string, decision: DecisionAction, contribution: DecidedContribution, reason: string | null): EmailToSend {
  const url = `${getEnv().appUrl}${decisionLink(decision, contribution.reference)}`;
  const about = `${named(contribution)} to the consultation "${contribution.consultationTitle}"`;
  const bodies: Record<DecisionAction, string> = {
    APPROVE:
      `${about} has been approved by the moderators and is now published ${PUBLISHED_AS[contribution.publication]}.\n\n` +
      `Read it: ${url}`,
    REJECT:
      `${about} has been reviewed by the moderators and was not approved for publication.\n\n` +
      `Reason: ${reason}\n\n` +
      `Only you and the moderators can read it. See it under My contributions: ${url}`,
    HIDE:
      `${about} has been hidden from the public by the moderators.\n\n` +
      `Reason: ${reason}\n\n` +
      `Only you and the moderators can read it now. See it under My contributions: ${url}`,
    RESTORE:
      `${about} has been restored by the moderators and is published again ${PUBLISHED_AS[contribution.publication]}.\n\n` +
      `Read it: ${url}`,
  };
  return {
    // One e-mail per decision, however often the transaction is retried.
    dedupeKey: `moderation:${eventId}`,
    to,
    subject: SUBJECTS[decision](contribution.reference),
    text: `${bodies[decision]}\n\nPlease quote the reference if you write to us about it.` + SIGNATURE,
  };
}

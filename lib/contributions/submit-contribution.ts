import "server-only";
import { db } from "@/lib/db";
import { requireUser, type CurrentUser } from "@/lib/auth/current-user";
import { AppError, isUniqueViolation, notFound, parseInput, validationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { deliverPendingEmailsAfterCommit } from "@/lib/mail/deliver-pending-emails";
import { attachmentMessages } from "@/lib/attachments/rules";
import { alignAttachmentLanguage } from "@/lib/attachments/text/extract-attachment-text";
import { contributionReceiptEmail } from "@/lib/contributions/contribution-emails";
import {
  consultationForContributionSelect,
  opennessAt,
  toConsultationForContribution,
  type ConsultationForContribution,
} from "@/lib/contributions/consultation-for-contribution";
import { applyTransition, type SubmissionStart } from "@/lib/contributions/lifecycle/apply-transition";
import { phaseAt } from "@/lib/vocabulary/phases";
import { formatContributionReference } from "@/lib/contributions/reference";
import { contributionLanguageColumns } from "@/lib/language/detect-language";
import { buildSubmissionSchema, submissionTargetSchema, type ContributionFields } from "@/lib/contributions/schema";
import { fingerprintAndGroup } from "@/lib/similarity/fingerprint-and-group";

export type SubmittedContribution = { reference: string; created: boolean };

const missingConsultation = () => notFound("This consultation");

/**
 * Submits the caller's contribution to an open consultation. Everything that
 * is not the participant's to say is decided here: the author is the caller,
 * the phase comes from the server's clock and the conference's dates, the
 * status is pending, the reference comes from the database's sequence.
 *
 * Submitting twice with the same submission key (a double click, a retry
 * after a lost response) returns the contribution the first call made.
 */
export async function submitContribution(input: unknown): Promise<SubmittedContribution> {
  const me = await requireUser();
  const target = submissionTargetSchema.safeParse(input);
  if (!target.success) {
    if (target.error.issues.some((issue) => issue.path[0] === "consultationId")) throw missingConsultation();
    throw validationError(target.error, target.error.issues[0]?.message);
  }
  const { consultationId, submissionKey } = target.data;

  const earlier = await findBySubmissionKey(me.id, submissionKey);
  if (earlier) return { reference: earlier.reference, created: false };

  const now = new Date();
  let created: { reference: string; emailKeys: string[] };
  try {
    created = await db.$transaction(async (tx) => {
      // The consultation is read, and the answers checked against its
      // questions, under a share lock: an administrator changing its
      // questions or status (which locks the row for update) waits for this
      // submission or goes first, never in between.
      await tx.$queryRaw`SELECT 1 FROM "Consultation" WHERE "id" = ${consultationId} FOR SHARE`;
      const row = await tx.consultation.findUnique({ where: { id: consultationId }, select: consultationForContributionSelect });
      if (!row) throw missingConsultation();
      const consultation = toConsultationForContribution(row);
      const openness = opennessAt(consultation, now);
      if (openness.message) throw new AppError("INVALID_STATE", openness.message);
      const fields = parseInput(buildSubmissionSchema(consultation.questions), input);
      const { state, emailKeys } = await applyTransition(tx, {
        action: "SUBMIT",
        actor: me,
        at: now,
        create: (start) => insertContribution(tx, { me, consultation, fields, submissionKey, start }),
      });
      await fingerprintAndGroup(state.contributionId, { transaction: tx });
      return { reference: state.reference, emailKeys };
    });
  } catch (error) {
    // The same key from the same author, committed meanwhile by a concurrent
    // call: that one is the contribution.
    if (isUniqueViolation(error)) {
      const winner = await findBySubmissionKey(me.id, submissionKey);
      if (winner) return { reference: winner.reference, created: false };
    }
    throw error;
  }
  await deliverPendingEmailsAfterCommit(created.emailKeys);
  return { reference: created.reference, created: true };
}

function findBySubmissionKey(authorId: string, submissionKey: string) {
  return db.contribution.findUnique({ where: { authorId_submissionKey: { authorId, submissionKey } }, select: { reference: true } });
}

async function insertContribution(
  tx: Prisma.TransactionClient,
  { me, consultation, fields, submissionKey, start }: { me: CurrentUser; consultation: ConsultationForContribution; fields: ContributionFields; submissionKey: string; start: SubmissionStart },
) {
  const now = start.submittedAt;
  // The number is taken first so the reference is written with the row (it is
  // NOT NULL and unique). A rolled-back submission leaves a gap, never a repeat.
  const [{ referenceNumber }] = await tx.$queryRaw<[{ referenceNumber: number }]>`
    SELECT nextval(pg_get_serial_sequence('"Contribution"', 'referenceNumber'))::integer AS "referenceNumber"`;
  const phase = phaseAt(consultation.conference, now);
  // The row goes in before the attachments are claimed: a concurrent double
  // submit then fails here on (authorId, submissionKey), not on the files.
  const contribution = await tx.contribution.create({
    data: {
      ...start,
      referenceNumber,
      reference: formatContributionReference(referenceNumber, now),
      consultationId: consultation.id,
      phase,
      title: fields.title,
      body: fields.body,
      answers: fields.answers,
      language: fields.language,
      ...contributionLanguageColumns(fields.title, fields.body, fields.language),
      publication: fields.publication,
      submissionKey,
    },
    select: { id: true, reference: true, title: true, version: true },
  });

  if (fields.attachmentIds.length > 0) {
    const { count } = await tx.attachment.updateMany({
      where: { id: { in: fields.attachmentIds }, uploaderId: me.id, contributionId: null },
      data: { contributionId: contribution.id },
    });
    if (count !== fields.attachmentIds.length) {
      throw new AppError("VALIDATION", attachmentMessages.unavailable, { attachmentIds: [attachmentMessages.unavailable] });
    }
    // Text already read from the files is searched in this contribution's language where the detector was unsure.
    await alignAttachmentLanguage(contribution.id, tx);
  }

  await tx.contributionDraft.deleteMany({ where: { userId: me.id, consultationId: consultation.id } });
  return { contribution, receipt: contributionReceiptEmail(me.email, { ...contribution, phase, consultationTitle: consultation.title }) };
}

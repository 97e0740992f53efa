import "server-only";
import { db } from "@/lib/db";
import { requireUser } from "@/lib/auth/current-user";
import { AppError, notFound, parseInput, validationError } from "@/lib/errors";
import type { ContributionStatus } from "@/lib/generated/prisma/enums";
import { attachmentMessages } from "@/lib/attachments/rules";
import { consultationForContributionSelect, opennessAt, toConsultationForContribution } from "@/lib/contributions/consultation-for-contribution";
import { buildEditSchema, editTargetSchema } from "@/lib/contributions/schema";

export type UpdatedContribution = { reference: string; version: number };

const missingContribution = () => notFound("This contribution");

const NOT_EDITABLE: Record<Exclude<ContributionStatus, "PENDING">, string> = {
  APPROVED: "This contribution has been approved and published, so it can no longer be edited.",
  REJECTED: "This contribution has been reviewed and rejected, so it can no longer be edited.",
  HIDDEN: "This contribution has been reviewed by the moderators, so it can no longer be edited.",
  WITHDRAWN: "You withdrew this contribution, so it can no longer be edited.",
};

export function notEditableMessage(status: ContributionStatus): string | null {
  return status === "PENDING" ? null : NOT_EDITABLE[status];
}

/**
 * The author changes their contribution while it waits for moderation and
 * the consultation is still open, with the same checks as a submission. Its
 * reference, phase and submission time stay; its version goes up, so a
 * moderator's decision on the older text can be told apart.
 */
export async function updateContribution(input: unknown): Promise<UpdatedContribution> {
  const me = await requireUser();
  const target = editTargetSchema.safeParse(input);
  if (!target.success) {
    if (target.error.issues.some((issue) => issue.path[0] === "reference")) throw missingContribution();
    throw validationError(target.error, target.error.issues[0]?.message);
  }

  // Only the author's own contributions are found: anyone else, moderators
  // included, gets "not found".
  const current = await db.contribution.findFirst({
    where: { reference: target.data.reference, authorId: me.id },
    select: { id: true, reference: true, status: true, version: true, consultation: { select: consultationForContributionSelect } },
  });
  if (!current) throw missingContribution();
  const refusal = notEditableMessage(current.status);
  if (refusal) throw new AppError("INVALID_STATE", refusal);
  const consultation = toConsultationForContribution(current.consultation);
  const { message } = opennessAt(consultation, new Date());
  if (message) throw new AppError("INVALID_STATE", `${message} Contributions to it can no longer be edited.`);
  if (current.version !== target.data.version) throw changedElsewhere();

  const fields = parseInput(buildEditSchema(consultation.questions), input);

  const version = await db.$transaction(async (tx) => {
    // The where clause repeats every condition, so a decision or another edit
    // that landed since the checks above makes this change nothing.
    const { count } = await tx.contribution.updateMany({
      where: { id: current.id, authorId: me.id, status: "PENDING", version: fields.version },
      data: {
        title: fields.title,
        body: fields.body,
        answers: fields.answers,
        language: fields.language,
        publication: fields.publication,
        version: { increment: 1 },
      },
    });
    if (count !== 1) throw changedElsewhere();

    // Files left out of the list are detached, not deleted: the sweep removes
    // them later, and until then they are private to their uploader again.
    await tx.attachment.updateMany({
      where: { contributionId: current.id, id: { notIn: fields.attachmentIds } },
      data: { contributionId: null },
    });
    const linked = await tx.attachment.updateMany({
      where: { id: { in: fields.attachmentIds }, uploaderId: me.id, OR: [{ contributionId: null }, { contributionId: current.id }] },
      data: { contributionId: current.id },
    });
    if (linked.count !== fields.attachmentIds.length) {
      throw new AppError("VALIDATION", attachmentMessages.unavailable, { attachmentIds: [attachmentMessages.unavailable] });
    }

    await tx.moderationEvent.create({
      data: { contributionId: current.id, actorId: me.id, action: "EDIT", fromStatus: "PENDING", toStatus: "PENDING" },
    });
    return fields.version + 1;
  });
  return { reference: current.reference, version };
}

function changedElsewhere(): AppError {
  return new AppError(
    "CONFLICT",
    "This contribution changed since you opened it (in another window, or by a moderator's decision). Please reload the page: your changes here were not saved.",
  );
}

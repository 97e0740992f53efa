import "server-only";
import { db } from "@/lib/db";
import { requireUser } from "@/lib/auth/current-user";
import { AppError, notFound, parseInput, validationError } from "@/lib/errors";
import { attachmentMessages } from "@/lib/attachments/rules";
import { alignAttachmentLanguage } from "@/lib/attachments/text/extract-attachment-text";
import { consultationForContributionSelect, opennessAt, toConsultationForContribution } from "@/lib/contributions/consultation-for-contribution";
import { applyTransition } from "@/lib/contributions/lifecycle/apply-transition";
import { transitionConflict } from "@/lib/contributions/lifecycle/judge-transition";
import { lifecycleSelect } from "@/lib/contributions/lifecycle/lifecycle-row";
import { notEditableMessage } from "@/lib/contributions/lifecycle/transitions";
import { buildEditSchema, editTargetSchema } from "@/lib/contributions/schema";
import { contributionLanguageColumns } from "@/lib/language/detect-language";
import { fingerprintAndGroup } from "@/lib/similarity/fingerprint-and-group";

export type UpdatedContribution = { reference: string; version: number };

const missingContribution = () => notFound("This contribution");

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
    select: { ...lifecycleSelect, consultation: { select: consultationForContributionSelect } },
  });
  if (!current) throw missingContribution();
  const refusal = notEditableMessage(current.status);
  if (refusal) throw new AppError("INVALID_STATE", refusal);
  const consultation = toConsultationForContribution(current.consultation);
  const { message } = opennessAt(consultation, new Date());
  if (message) throw new AppError("INVALID_STATE", `${message} Contributions to it can no longer be edited.`);
  if (current.version !== target.data.version) throw transitionConflict("EDIT");

  const fields = parseInput(buildEditSchema(consultation.questions), input);

  const version = await db.$transaction(async (tx) => {
    // The transition's write is conditional on the status and version read
    // above, so a decision or another edit that landed since makes it write
    // nothing and refuse; once it matched, the row is this edit's until the
    // commit.
    const { state } = await applyTransition(tx, { action: "EDIT", contribution: current, actor: me, seenVersion: fields.version });
    await tx.contribution.update({
      where: { id: current.id },
      data: {
        title: fields.title,
        body: fields.body,
        answers: fields.answers,
        language: fields.language,
        ...contributionLanguageColumns(fields.title, fields.body, fields.language),
        publication: fields.publication,
      },
    });

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
    // The files may be new, or the language changed: their unsure pages follow the contribution's language.
    await alignAttachmentLanguage(current.id, tx);
    await fingerprintAndGroup(current.id, { transaction: tx });
    return state.version;
  });
  return { reference: current.reference, version };
}

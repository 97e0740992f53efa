import "server-only";
import { requireRole } from "@/lib/auth/current-user";
import { withUniqueSlug } from "@/lib/unique-slug";
import { assertConferenceExists, consultationData, questionData } from "@/lib/consultations/consultation-data";
import { updateConsultationSchema, type QuestionValues } from "@/lib/consultations/schema";
import { db } from "@/lib/db";
import { AppError, notFound, parseInput } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { QuestionKind } from "@/lib/generated/prisma/enums";

export type UpdatedConsultation = {
  id: string;
  slug: string;
  previousSlug: string;
  /** The questions' ids in their new order, new questions included. */
  questionIds: string[];
};

type StoredQuestion = { id: string; kind: QuestionKind; prompt: string; helpText: string | null; required: boolean; options: string[] };

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item, index) => item === b[index]);

function isStructuralChange(stored: StoredQuestion[], submitted: QuestionValues[]): boolean {
  if (stored.length !== submitted.length) return true;
  return stored.some((question, index) => {
    const next = submitted[index];
    return !next || next.id !== question.id || next.kind !== question.kind || next.required !== question.required || !sameList(next.options, question.options);
  });
}

function structureLockedMessage(contributions: number): string {
  const count = contributions === 1 ? "one contribution" : `${contributions} contributions`;
  return (
    `This consultation has already received ${count}, so its questions can no longer be added, removed, reordered, ` +
    "or changed in kind, choices or whether an answer is required: the answers given so far must keep their meaning. " +
    "You can still edit the wording of each question and its help text."
  );
}

async function saveQuestions(
  tx: Prisma.TransactionClient,
  consultationId: string,
  stored: StoredQuestion[],
  submitted: QuestionValues[],
  contributions: number,
): Promise<string[]> {
  if (contributions > 0) {
    if (isStructuralChange(stored, submitted)) {
      const message = structureLockedMessage(contributions);
      throw new AppError("INVALID_STATE", message, { questions: [message] });
    }
    for (const [index, question] of stored.entries()) {
      const next = submitted[index];
      if (!next) continue;
      const helpText = next.helpText === "" ? null : next.helpText;
      if (next.prompt !== question.prompt || helpText !== question.helpText) {
        await tx.question.update({ where: { id: question.id }, data: { prompt: next.prompt, helpText } });
      }
    }
    return stored.map((question) => question.id);
  }
  const known = new Set(stored.map((question) => question.id));
  const ids = submitted.flatMap((question) => (question.id ? [question.id] : []));
  if (ids.some((id) => !known.has(id)) || new Set(ids).size !== ids.length) {
    const message = "The questions on the page no longer match this consultation. Reload the page and make your changes again.";
    throw new AppError("VALIDATION", message, { questions: [message] });
  }
  // Rewritten in full so that positions stay 0…n-1 without fighting the
  // unique (consultationId, position) index; kept questions keep their ids,
  // which drafts of contributions use as answer keys.
  await tx.question.deleteMany({ where: { consultationId } });
  const created = await tx.question.createManyAndReturn({
    data: submitted.map((question, position) => ({ ...(question.id ? { id: question.id } : {}), consultationId, ...questionData(question, position) })),
    select: { id: true, position: true },
  });
  return created.sort((a, b) => a.position - b.position).map((question) => question.id);
}

/**
 * Administrators only. Saves the consultation and its questions in one
 * transaction. Once a consultation has contributions (in any status), its
 * questions keep their structure and only their wording can change.
 */
export async function updateConsultation(input: unknown): Promise<UpdatedConsultation> {
  await requireRole("ADMIN");
  const { id, ...values } = parseInput(updateConsultationSchema, input);
  return withUniqueSlug(() =>
    db.$transaction(async (tx) => {
      // FOR UPDATE conflicts with the FOR KEY SHARE lock PostgreSQL takes on
      // this row while a contribution referencing it is being inserted: a
      // submission running now either commits first (and is counted below)
      // or waits for this transaction, so the questions cannot change under
      // an answer being saved.
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Consultation" WHERE "id" = ${id} FOR UPDATE`;
      if (locked.length === 0) throw notFound("This consultation");
      const current = await tx.consultation.findUniqueOrThrow({
        where: { id },
        select: {
          slug: true,
          status: true,
          questions: { orderBy: { position: "asc" }, select: { id: true, kind: true, prompt: true, helpText: true, required: true, options: true } },
          _count: { select: { contributions: true } },
        },
      });
      if (current.status !== "DRAFT" && values.summary === "") {
        throw new AppError("VALIDATION", "Please correct the highlighted fields.", {
          summary: ["A published consultation needs a summary: it is shown in every list."],
        });
      }
      await assertConferenceExists(tx, values.conferenceId);
      const questionIds = await saveQuestions(tx, id, current.questions, values.questions, current._count.contributions);
      await tx.consultation.update({ where: { id }, data: consultationData(values), select: { id: true } });
      return { id, slug: values.slug, previousSlug: current.slug, questionIds };
    }),
  );
}

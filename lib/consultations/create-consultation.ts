import "server-only";
import { requireRole } from "@/lib/auth/current-user";
import { withUniqueSlug } from "@/lib/unique-slug";
import { assertConferenceExists, consultationData, questionData } from "@/lib/consultations/consultation-data";
import { consultationSchema } from "@/lib/consultations/schema";
import { db } from "@/lib/db";
import { parseInput } from "@/lib/errors";

export type SavedConsultation = { id: string; slug: string };

/**
 * Administrators only. A new consultation is always a draft, with its
 * questions, in one transaction; opening it is a separate, checked step
 * (change-consultation-status.ts).
 */
export async function createConsultation(input: unknown): Promise<SavedConsultation> {
  await requireRole("ADMIN");
  const values = parseInput(consultationSchema, input);
  return withUniqueSlug(() =>
    db.$transaction(async (tx) => {
      await assertConferenceExists(tx, values.conferenceId);
      return tx.consultation.create({
        data: {
          ...consultationData(values),
          status: "DRAFT",
          // Ids sent with the questions mean nothing for a new consultation.
          questions: { create: values.questions.map((question, position) => questionData(question, position)) },
        },
        select: { id: true, slug: true },
      });
    }),
  );
}

import "server-only";
import { countApprovedContributions } from "@/lib/consultations/count-contributions";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { consultationItemSelect, publishedConsultationsWhere, toOpenConsultationItem } from "@/lib/open-data/consultation-record";
import type { OpenConsultation } from "@/lib/open-data/records";

export type PublishedConsultation = {
  /** For the readers of its contributions; never part of the open data. */
  id: string;
  record: OpenConsultation;
};

/**
 * Public. A consultation of the open data by slug, with its questions; a
 * draft is "not found", exactly like a slug that does not exist.
 */
export async function getPublishedConsultation(slug: string): Promise<PublishedConsultation> {
  const row = await db.consultation.findFirst({
    where: { AND: [{ slug }, publishedConsultationsWhere] },
    select: {
      ...consultationItemSelect,
      body: true,
      participationRules: true,
      questions: {
        orderBy: { position: "asc" },
        select: { id: true, kind: true, prompt: true, helpText: true, required: true, options: true },
      },
    },
  });
  if (!row) throw notFound("This consultation");
  const counts = await countApprovedContributions([row.id]);
  return {
    id: row.id,
    record: {
      ...toOpenConsultationItem(row, counts.get(row.id) ?? 0),
      body: row.body,
      participationRules: row.participationRules,
      questions: row.questions.map((question, index) => ({
        id: question.id,
        number: index + 1,
        kind: question.kind,
        prompt: question.prompt,
        helpText: question.helpText,
        required: question.required,
        options: question.options,
      })),
    },
  };
}

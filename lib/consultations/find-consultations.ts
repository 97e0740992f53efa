import "server-only";
import { db } from "@/lib/db";
import { parseInput } from "@/lib/errors";
import { consultationCardSelect, sortConsultationCards, type ConsultationCard } from "@/lib/consultations/consultation-card";
import { consultationFilterSchema } from "@/lib/consultations/schema";
import { canSeeDraftConsultations, visibleConsultationsWhere } from "@/lib/consultations/visibility";

/**
 * The consultation list: open, closed and archived consultations for
 * everyone, drafts too for administrators. Optionally one status only.
 */
export async function findConsultations(input: unknown = {}): Promise<ConsultationCard[]> {
  const { status } = parseInput(consultationFilterSchema, input);
  const includeDrafts = await canSeeDraftConsultations();
  const rows = await db.consultation.findMany({
    where: { AND: [visibleConsultationsWhere(includeDrafts), status ? { status } : {}] },
    select: consultationCardSelect,
  });
  return sortConsultationCards(rows);
}

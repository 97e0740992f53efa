import "server-only";
import { db } from "@/lib/db";
import { consultationCardSelect } from "@/lib/consultations/consultation-card";
import { countApprovedContributions } from "@/lib/consultations/count-contributions";
import type { ConsultationListItem } from "@/lib/consultations/find-consultations";

/** Consultations open for contributions now, closing soonest first, with their approved contributions. Public. */
export async function findOpenConsultations(options: { now?: Date; take?: number } = {}): Promise<ConsultationListItem[]> {
  const now = options.now ?? new Date();
  const rows = await db.consultation.findMany({
    where: { status: "OPEN", opensAt: { lte: now }, closesAt: { gt: now } },
    orderBy: [{ closesAt: "asc" }, { title: "asc" }],
    take: options.take ?? 12,
    select: { id: true, ...consultationCardSelect },
  });
  const approved = await countApprovedContributions(rows.map((row) => row.id));
  return rows.map(({ id, ...card }) => ({ ...card, approvedCount: approved.get(id) ?? 0 }));
}

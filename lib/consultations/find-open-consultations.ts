import "server-only";
import { db } from "@/lib/db";
import { consultationCardSelect, type ConsultationCard } from "@/lib/consultations/consultation-card";

export type { ConsultationCard };

/** Consultations open for contributions now, closing soonest first. Public. */
export async function findOpenConsultations(options: { now?: Date; take?: number } = {}): Promise<ConsultationCard[]> {
  const now = options.now ?? new Date();
  return db.consultation.findMany({
    where: { status: "OPEN", opensAt: { lte: now }, closesAt: { gt: now } },
    orderBy: [{ closesAt: "asc" }, { title: "asc" }],
    take: options.take ?? 12,
    select: consultationCardSelect,
  });
}

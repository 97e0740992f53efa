import "server-only";
import { db } from "@/lib/db";

export type ConsultationCard = {
  slug: string;
  title: string;
  summary: string;
  topics: string[];
  opensAt: Date;
  closesAt: Date;
  conference: { slug: string; title: string } | null;
};

/** Consultations open for contributions now, closing soonest first. Public. */
export async function findOpenConsultations(options: { now?: Date; take?: number } = {}): Promise<ConsultationCard[]> {
  const now = options.now ?? new Date();
  return db.consultation.findMany({
    where: { status: "OPEN", opensAt: { lte: now }, closesAt: { gt: now } },
    orderBy: [{ closesAt: "asc" }, { title: "asc" }],
    take: options.take ?? 12,
    select: {
      slug: true,
      title: true,
      summary: true,
      topics: true,
      opensAt: true,
      closesAt: true,
      conference: { select: { slug: true, title: true } },
    },
  });
}

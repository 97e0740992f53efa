import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { canSeeDraftConsultations, visibleConsultationsWhere } from "@/lib/consultations/visibility";

export type ConsultationFilterOptions = {
  topics: string[];
  conferences: { slug: string; title: string }[];
  /** Whether the status filter may offer drafts. */
  includeDrafts: boolean;
};

/** The choices of the list's filters: topics and conferences of the consultations the caller may see. */
export async function findConsultationFilterOptions(): Promise<ConsultationFilterOptions> {
  const includeDrafts = await canSeeDraftConsultations();
  const [topics, conferences] = await Promise.all([
    db.$queryRaw<{ topic: string }[]>`
      SELECT DISTINCT t."topic" FROM "Consultation" c, unnest(c."topics") AS t("topic")
      ${includeDrafts ? Prisma.empty : Prisma.sql`WHERE c."status" <> 'DRAFT'`}
      ORDER BY 1`,
    db.conference.findMany({
      where: { consultations: { some: visibleConsultationsWhere(includeDrafts) } },
      orderBy: [{ startsAt: "desc" }, { title: "asc" }],
      select: { slug: true, title: true },
    }),
  ]);
  return { topics: topics.map((row) => row.topic), conferences, includeDrafts };
}

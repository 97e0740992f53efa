import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { publishedConsultationsWhere } from "@/lib/open-data/consultation-record";
import type { ContributionSource } from "@/lib/open-data/read-contribution-batch";

/** Public. The published consultation whose contributions are asked for; a draft is "not found", like a slug that does not exist. */
export async function getContributionSource(slug: string): Promise<ContributionSource> {
  const consultation = await db.consultation.findFirst({
    where: { AND: [{ slug }, publishedConsultationsWhere] },
    select: { id: true, slug: true, questions: { orderBy: { position: "asc" }, select: { id: true, prompt: true } } },
  });
  if (!consultation) throw notFound("This consultation");
  return consultation;
}

import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { publishedConsultationsWhere } from "@/lib/open-data/consultation-record";

/** A published consultation whose summaries are asked for. */
export type SummarySource = { id: string; slug: string };

/** Public. The consultation by slug; a draft is "not found", like a slug that does not exist. */
export async function getSummarySource(slug: string): Promise<SummarySource> {
  const consultation = await db.consultation.findFirst({ where: { AND: [{ slug }, publishedConsultationsWhere] }, select: { id: true, slug: true } });
  if (!consultation) throw notFound("This consultation");
  return consultation;
}

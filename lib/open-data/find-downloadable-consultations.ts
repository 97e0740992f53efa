import "server-only";
import { countApprovedContributions } from "@/lib/consultations/count-contributions";
import { db } from "@/lib/db";
import { consultationItemSelect, publishedConsultationsWhere, toOpenConsultationItem } from "@/lib/open-data/consultation-record";
import type { OpenConsultationItem } from "@/lib/open-data/records";

/** Public. Every consultation of the open data for the download table of /open-data: open ones first, then the most recently closed. */
export async function findDownloadableConsultations(): Promise<OpenConsultationItem[]> {
  const rows = await db.consultation.findMany({
    where: publishedConsultationsWhere,
    // The enum's order: OPEN, CLOSED, ARCHIVED.
    orderBy: [{ status: "asc" }, { closesAt: "desc" }, { slug: "asc" }],
    select: consultationItemSelect,
  });
  const counts = await countApprovedContributions(rows.map((row) => row.id));
  return rows.map((row) => toOpenConsultationItem(row, counts.get(row.id) ?? 0));
}

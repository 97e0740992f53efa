import "server-only";
import { countApprovedContributions } from "@/lib/consultations/count-contributions";
import { db } from "@/lib/db";
import { consultationItemSelect, publishedConsultationsWhere, toOpenConsultationItem } from "@/lib/open-data/consultation-record";
import type { OpenConsultationItem } from "@/lib/open-data/records";
import { publishedSummaryWhere } from "@/lib/open-data/summary-record";

export type DownloadableConsultation = OpenConsultationItem & {
  /** The newest published version of its summary (its downloads are …/summaries/latest.csv|.json); null while none is published. */
  latestSummaryVersion: number | null;
};

/** Public. Every consultation of the open data for the download table of /open-data: open ones first, then the most recently closed. */
export async function findDownloadableConsultations(): Promise<DownloadableConsultation[]> {
  const rows = await db.consultation.findMany({
    where: publishedConsultationsWhere,
    // The enum's order: OPEN, CLOSED, ARCHIVED.
    orderBy: [{ status: "asc" }, { closesAt: "desc" }, { slug: "asc" }],
    select: consultationItemSelect,
  });
  const ids = rows.map((row) => row.id);
  const [counts, summaries] = await Promise.all([
    countApprovedContributions(ids),
    // One grouped query for every consultation, drafts left out.
    db.consultationSummary.groupBy({ by: ["consultationId"], where: { consultationId: { in: ids }, ...publishedSummaryWhere }, _max: { version: true } }),
  ]);
  const latest = new Map(summaries.map((group) => [group.consultationId, group._max.version]));
  return rows.map((row) => ({ ...toOpenConsultationItem(row, counts.get(row.id) ?? 0), latestSummaryVersion: latest.get(row.id) ?? null }));
}

import "server-only";
import { countApprovedContributions } from "@/lib/consultations/count-contributions";
import { db } from "@/lib/db";
import { consultationItemSelect, publishedConsultationsWhere, toOpenConsultationItem } from "@/lib/open-data/consultation-record";
import { apiUrl } from "@/lib/open-data/links";
import { consultationPageSchema, encodeCursor, parseListQuery, type PageQueryInput } from "@/lib/open-data/page-query";
import type { OpenConsultationItem, OpenDataPage } from "@/lib/open-data/records";

/**
 * Public. One page of the consultations of the open data (every one but the
 * drafts), by slug: keyset pagination on the unique slug index, so a page
 * costs the same wherever it is and a consultation added meanwhile neither
 * repeats nor hides another.
 */
export async function findOpenDataConsultations(input: PageQueryInput): Promise<OpenDataPage<OpenConsultationItem>> {
  const { limit, cursor } = parseListQuery(consultationPageSchema, input);
  const rows = await db.consultation.findMany({
    where: { AND: [publishedConsultationsWhere, cursor === undefined ? {} : { slug: { gt: cursor } }] },
    orderBy: { slug: "asc" },
    // One more than asked: whether it exists says whether there is a next page.
    take: limit + 1,
    select: consultationItemSelect,
  });
  const page = rows.slice(0, limit);
  const counts = await countApprovedContributions(page.map((row) => row.id));
  const last = page.at(-1);
  return {
    data: page.map((row) => toOpenConsultationItem(row, counts.get(row.id) ?? 0)),
    links: {
      self: apiUrl("/consultations", { limit, cursor: input.cursor ?? undefined }),
      ...(rows.length > limit && last ? { next: apiUrl("/consultations", { limit, cursor: encodeCursor("consultation", last.slug) }) } : {}),
    },
  };
}

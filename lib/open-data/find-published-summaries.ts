import "server-only";
import { db } from "@/lib/db";
import { getSummarySource } from "@/lib/open-data/get-summary-source";
import { apiUrl } from "@/lib/open-data/links";
import { encodeCursor, parseListQuery, summaryPageSchema, type PageQueryInput } from "@/lib/open-data/page-query";
import type { OpenDataPage } from "@/lib/open-data/records";
import { publishedSummaryWhere, summaryItemSelect, toOpenSummaryItem } from "@/lib/open-data/summary-record";
import type { OpenSummaryItem } from "@/lib/open-data/summary-records";

/**
 * Public. One page of a published consultation's published summary versions,
 * newest first, by keyset on the version number (drafts are never listed,
 * whoever asks). A consultation without any is an empty list, not a 404.
 */
export async function findPublishedSummaries(slug: string, input: PageQueryInput): Promise<OpenDataPage<OpenSummaryItem>> {
  const { limit, cursor } = parseListQuery(summaryPageSchema, input);
  const source = await getSummarySource(slug);
  const rows = await db.consultationSummary.findMany({
    where: { consultationId: source.id, ...publishedSummaryWhere, ...(cursor === undefined ? {} : { version: { lt: cursor } }) },
    orderBy: { version: "desc" },
    // One more than asked: whether it exists says whether there is a next page.
    take: limit + 1,
    select: summaryItemSelect,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const path = `/consultations/${source.slug}/summaries`;
  return {
    data: page.map((row) => toOpenSummaryItem(source.slug, row)),
    links: {
      self: apiUrl(path, { limit, cursor: input.cursor ?? undefined }),
      ...(rows.length > limit && last ? { next: apiUrl(path, { limit, cursor: encodeCursor("summary", last.version) }) } : {}),
    },
  };
}

import "server-only";
import { getContributionSource } from "@/lib/open-data/get-contribution-source";
import { apiUrl } from "@/lib/open-data/links";
import { contributionPageSchema, encodeCursor, parseListQuery, type PageQueryInput } from "@/lib/open-data/page-query";
import { readContributionBatch } from "@/lib/open-data/read-contribution-batch";
import type { OpenContribution, OpenDataPage } from "@/lib/open-data/records";

/** Public. One page of a published consultation's approved contributions, in reference-number order. */
export async function findOpenDataContributions(slug: string, input: PageQueryInput): Promise<OpenDataPage<OpenContribution>> {
  const { limit, cursor } = parseListQuery(contributionPageSchema, input);
  const source = await getContributionSource(slug);
  // One more than asked: whether it exists says whether there is a next page.
  const batch = await readContributionBatch(source, cursor ?? 0, limit + 1);
  const records = batch.records.slice(0, limit);
  const path = `/consultations/${source.slug}/contributions`;
  const lastShown = batch.referenceNumbers[limit - 1];
  return {
    data: records,
    links: {
      self: apiUrl(path, { limit, cursor: input.cursor ?? undefined }),
      ...(batch.records.length > limit && lastShown !== undefined
        ? { next: apiUrl(path, { limit, cursor: encodeCursor("contribution", lastShown) }) }
        : {}),
    },
  };
}

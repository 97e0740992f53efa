import "server-only";
import { db } from "@/lib/db";
import { similarityGroupSql, subsetSql } from "@/lib/summaries/compute-statistics";
import type { SummaryFilters } from "@/lib/summaries/filter-schema";

// How much of a summary's subset is identical or near-identical text
// (lib/similarity): contributions in groups, the groups, and the distinct
// texts (each group once, plus every contribution in none). Only the
// members in the subset count: a group with one published member is no
// group to the public. A published version counts by the groups it froze
// (figures format 3; decision 0013), the live summary by the groups now.

export type DuplicateFigures = {
  total: number;
  /** Contributions of the subset that share a group with another of the subset. */
  inGroups: number;
  groups: number;
  /** Groups counted once, plus the contributions in none. */
  distinctTexts: number;
  largestGroup: number;
};

type Row = { total: number; inGroups: number; groups: number; largestGroup: number };

export async function computeDuplicateFigures(consultationId: string, filters: SummaryFilters, summaryId?: string): Promise<DuplicateFigures> {
  // Counted over every member of the subset, whether or not "count each group once" is on.
  const { from, where } = subsetSql(consultationId, { ...filters, groups: undefined }, summaryId);
  const [row] = await db.$queryRaw<Row[]>`
    WITH subset AS (SELECT ${similarityGroupSql(summaryId)} AS "groupId" ${from} ${where}),
         grouped AS (SELECT "groupId", count(*)::int AS "size" FROM subset WHERE "groupId" IS NOT NULL GROUP BY "groupId" HAVING count(*) >= 2)
    SELECT (SELECT count(*)::int FROM subset) AS "total",
           coalesce((SELECT sum("size")::int FROM grouped), 0) AS "inGroups",
           (SELECT count(*)::int FROM grouped) AS "groups",
           coalesce((SELECT max("size") FROM grouped), 0) AS "largestGroup"`;
  const { total, inGroups, groups, largestGroup } = row ?? { total: 0, inGroups: 0, groups: 0, largestGroup: 0 };
  return { total, inGroups, groups, distinctTexts: total - inGroups + groups, largestGroup };
}

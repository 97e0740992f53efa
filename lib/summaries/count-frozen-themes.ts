import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { StakeholderType } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db";
import { subsetSql } from "@/lib/summaries/compute-statistics";
import { unplacedReasonOf, type SummaryThemes } from "@/lib/summaries/compute-summary-figures";
import type { SummaryFilters } from "@/lib/summaries/filter-schema";
import type { Theme, ThemeSummary, UnplacedDocuments } from "@/lib/summaries/themes/types";

// A filtered view of a published summary shows the themes it was published
// with, counted over the subset: where the theme engine placed each frozen
// contribution is stored with it (ConsultationSummaryContribution.placement),
// so PostgreSQL counts the subset per theme and stakeholder type. Finding
// themes again for each filter would take seconds of CPU per request at
// 100,000 contributions, on a public page, and would show other themes than
// the published ones.

type PlacementRow = { questionId: string | null; placement: string; stakeholderType: StakeholderType | null; count: number };

export async function countFrozenThemes(
  consultationId: string,
  summaryId: string,
  published: SummaryThemes,
  filters: SummaryFilters,
): Promise<SummaryThemes> {
  // For a published version, subsetSql's "p" is the frozen row itself:
  // where the themes put the contribution, and its author's type then.
  const { from, where } = subsetSql(consultationId, filters, summaryId);
  const rows = await db.$queryRaw<PlacementRow[]>`
    SELECT NULL::text AS "questionId", p."placement", p."stakeholderType"::text AS "stakeholderType", count(*)::int AS "count"
    ${from} ${where} AND p."placement" IS NOT NULL
    GROUP BY 2, 3
    UNION ALL
    SELECT a."key", a."value", p."stakeholderType"::text, count(*)::int
    ${from} CROSS JOIN LATERAL jsonb_each_text(p."answerPlacements") a ${where}
    GROUP BY 1, 2, 3`;

  const quoted = [published.contributions, ...published.questions.map((question) => question.themes)].flatMap((summary) =>
    summary.themes.flatMap((theme) => theme.quotes.map((quote) => quote.contributionId)),
  );
  const inSubset = new Set(
    quoted.length === 0
      ? []
      : // A contribution hidden or withdrawn since publication is not quoted any more.
        (
          await db.$queryRaw<{ id: string }[]>`
            SELECT c."id" ${from} ${where} AND c."status" = 'APPROVED'::"ContributionStatus" AND c."id" IN (${Prisma.join([...new Set(quoted)])})`
        ).map((row) => row.id),
  );

  return {
    contributions: recount(published.contributions, rows.filter((row) => row.questionId === null), inSubset),
    questions: published.questions.map((question) => ({
      questionId: question.questionId,
      themes: recount(question.themes, rows.filter((row) => row.questionId === question.questionId), inSubset),
    })),
  };
}

function recount(published: ThemeSummary, rows: PlacementRow[], inSubset: Set<string>): ThemeSummary {
  const documentCount = rows.reduce((sum, row) => sum + row.count, 0);
  const share = (count: number) => (documentCount === 0 ? 0 : count / documentCount);
  const sizes = new Map<string, Record<StakeholderType, number>>();
  const unplaced: UnplacedDocuments = {
    count: 0,
    share: 0,
    byStakeholderType: emptyCounts(),
    byReason: { fewInLanguage: 0, noDistinctiveWords: 0, smallGroup: 0 },
  };
  for (const row of rows) {
    // As when the themes were found: authors without a profile count as "Other".
    const type = row.stakeholderType ?? "OTHER";
    const reason = unplacedReasonOf(row.placement);
    if (reason) {
      unplaced.count += row.count;
      unplaced.byReason[reason] += row.count;
      unplaced.byStakeholderType[type] += row.count;
      continue;
    }
    let counts = sizes.get(row.placement);
    if (!counts) sizes.set(row.placement, (counts = emptyCounts()));
    counts[type] += row.count;
  }
  unplaced.share = share(unplaced.count);

  const themes: Theme[] = published.themes.flatMap((theme) => {
    const byStakeholderType = sizes.get(theme.key);
    if (!byStakeholderType) return [];
    const size = Object.values(byStakeholderType).reduce((sum, count) => sum + count, 0);
    return [{ ...theme, size, share: share(size), byStakeholderType, quotes: theme.quotes.filter((quote) => inSubset.has(quote.contributionId)) }];
  });
  // Largest first as published; a stable sort keeps the published order for ties.
  themes.sort((a, b) => b.size - a.size);
  return { documentCount, themes, unplaced };
}

function emptyCounts(): Record<StakeholderType, number> {
  return Object.fromEntries(Object.values(StakeholderType).map((type) => [type, 0])) as Record<StakeholderType, number>;
}

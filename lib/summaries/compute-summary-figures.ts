import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { StakeholderType } from "@/lib/generated/prisma/enums";
import { computeStatistics, type SummaryStatistics } from "@/lib/summaries/compute-statistics";
import { countThemes } from "@/lib/summaries/count-themes";
import type { SummaryFilters } from "@/lib/summaries/filter-schema";
import type { SummaryFigures, SummaryThemes } from "@/lib/summaries/summary-figures";
import { parseStoredThemes } from "@/lib/summaries/frozen-figures";
import { NOT_THEMED_REASONS, type NotThemedReason, type ThemeSummary } from "@/lib/summaries/themes/types";

// Everything a summary shows besides the synthesis: the figures, counted by
// PostgreSQL, and the themes. The themes are found off the request path by
// the theme job (theme-job/theme-job.ts), which stores them with where it put
// each contribution; here they are only counted over the view's subset. The
// same value is frozen as JSON into a published ConsultationSummary.

/**
 * The live figures: the statistics of what is approved now, and the stored
 * themes (ThemeComputation) counted over it. Contributions approved since
 * the themes were found are in the statistics and in no theme until the
 * theme job has run again; without stored themes there are none yet.
 */
export async function computeLiveFigures(consultationId: string, filters: SummaryFilters, transaction?: Prisma.TransactionClient): Promise<SummaryFigures> {
  const client = transaction ?? db;
  const statistics = await computeStatistics(consultationId, filters, transaction ? { transaction } : {});
  const stored = await client.themeComputation.findUnique({ where: { consultationId }, select: { themes: true } });
  if (!stored) return { statistics, themes: noThemes(statistics) };
  const base = parseStoredThemes(stored.themes, `the stored themes of consultation ${consultationId}`);
  return { statistics, themes: await countThemes({ kind: "live", consultationId }, base, statistics.filters, client) };
}

/** No themes found yet: every free-text question listed, nothing grouped. */
export function noThemes(statistics: SummaryStatistics): SummaryThemes {
  const empty = (): ThemeSummary => ({
    documentCount: 0,
    groupCount: 0,
    themes: [],
    notThemed: {
      count: 0,
      share: 0,
      byStakeholderType: Object.fromEntries(Object.values(StakeholderType).map((type) => [type, 0])) as Record<StakeholderType, number>,
      byReason: Object.fromEntries(NOT_THEMED_REASONS.map((reason) => [reason, 0])) as Record<NotThemedReason, number>,
    },
  });
  return {
    contributions: empty(),
    questions: statistics.questions.filter((question) => question.kind === "FREE_TEXT").map((question) => ({ questionId: question.questionId, themes: empty() })),
  };
}

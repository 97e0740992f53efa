import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { StakeholderType } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db";
import { subsetSql } from "@/lib/summaries/compute-statistics";
import type { SummaryThemes } from "@/lib/summaries/summary-figures";
import type { SummaryFilters } from "@/lib/summaries/filter-schema";
import { NOT_THEMED_REASONS, type NotThemed, type NotThemedReason, type Theme, type ThemeSummary } from "@/lib/summaries/themes/types";

// The themes of a summary counted over a subset of its contributions, in
// PostgreSQL: where each contribution was placed is stored (the live view's
// in ThemeComputation.placements, a published version's on its frozen rows),
// so a filter (type, country, phase, language, groups) recounts the themes
// it was given instead of finding others. Finding themes again per filter
// would take seconds of CPU per request at 100,000 contributions and show
// other themes than the ones published.
//
// Counted as the engine counts: each group of near-identical texts once,
// its stakeholder type and language those of its first member (by id).

export type ThemeCountSource =
  | { kind: "live"; consultationId: string }
  /** weighted: format 5 on (themePlacement); before, one key per contribution in "placement". */
  | { kind: "published"; consultationId: string; summaryId: string; weighted: boolean };

type CountRow = { k: string; t: StakeholderType | null; l: string | null; groups: number; members: number; groupId: string | null; groupSize: number };

type Counted = { size: number; contributionCount: number; languages: Record<string, number>; byStakeholderType: Record<StakeholderType, number>; groups: { groupId: string; size: number }[] };

const REASON_PREFIX = "reason:";

export async function countThemes(source: ThemeCountSource, base: SummaryThemes, filters: SummaryFilters, client: Prisma.TransactionClient = db): Promise<SummaryThemes> {
  const summaryId = source.kind === "published" ? source.summaryId : undefined;
  const subset = subsetSql(source.consultationId, filters, summaryId);
  const count = (placement: Prisma.Sql, join: Prisma.Sql, group: Prisma.Sql) =>
    client.$queryRaw<CountRow[]>`
      WITH s AS (
        SELECT c."id", ${group} AS "g", coalesce(p."stakeholderType"::text, 'OTHER') AS "t", ${subset.language} AS "l", ${placement} AS "pl"
        ${subset.from} ${join} ${subset.where}
      ), f AS (
        SELECT * FROM s WHERE "pl" IS NOT NULL
      ), e AS (
        SELECT f."id", f."g", f."t", f."l", x AS "entry"
        FROM f CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(f."pl" -> 'themes') = 'array' THEN f."pl" -> 'themes' ELSE '[]'::jsonb END) x
      ), m AS (
        SELECT "id", "g", "t", "l", "entry" ->> 'key' AS "k" FROM e
        UNION ALL
        SELECT "id", "g", "t", "l", "entry" ->> 'subtheme' FROM e WHERE "entry" ? 'subtheme'
        UNION ALL
        SELECT "id", "g", "t", "l", ${REASON_PREFIX}::text || ("pl" ->> 'reason') FROM f WHERE "pl" ? 'reason'
      ), gk AS (
        SELECT "k", "g", count(*)::int AS "n", (array_agg("t" ORDER BY "id"))[1] AS "t", (array_agg("l" ORDER BY "id"))[1] AS "l"
        FROM m GROUP BY "k", "g"
      )
      SELECT "k", "t", "l", count(*)::int AS "groups", sum("n")::int AS "members", NULL::text AS "groupId", 0 AS "groupSize" FROM gk GROUP BY 1, 2, 3
      UNION ALL
      SELECT "k", NULL, NULL, 0, 0, "g", "n" FROM gk WHERE "n" >= 2
      UNION ALL
      SELECT '', NULL, NULL, count(DISTINCT "g")::int, count(*)::int, NULL, 0 FROM f`;

  const none = Prisma.empty;
  const live = source.kind === "live";
  const weighted = source.kind === "live" || source.weighted;
  const computation = (path: Prisma.Sql) =>
    Prisma.sql`JOIN jsonb_each((SELECT tc."placements" #> ${path} FROM "ThemeComputation" tc WHERE tc."consultationId" = ${source.consultationId})) e_pl ON e_pl."key" = c."id"`;
  // Groups count once from format 5 on; before, every contribution was its own.
  const group = weighted ? Prisma.sql`coalesce(${live ? Prisma.sql`c` : Prisma.sql`p`}."similarityGroupId", c."id")` : Prisma.sql`c."id"`;

  const contributionRows = live
    ? await count(Prisma.sql`e_pl."value"`, computation(Prisma.sql`'{contributions}'::text[]`), group)
    : await count(weighted ? Prisma.sql`p."themePlacement"` : legacyPlacement(Prisma.sql`p."placement"`), none, group);
  const questions = [];
  for (const question of base.questions) {
    // Answers are never grouped: near-identical contributions can answer differently.
    const rows = live
      ? await count(Prisma.sql`e_pl."value"`, computation(Prisma.sql`ARRAY['answers', ${question.questionId}]::text[]`), Prisma.sql`c."id"`)
      : await count(
          weighted ? Prisma.sql`p."answerThemePlacements" -> ${question.questionId}` : legacyPlacement(Prisma.sql`(p."answerPlacements" ->> ${question.questionId})`),
          none,
          Prisma.sql`c."id"`,
        );
    questions.push({ question, rows });
  }

  const quoted = [base.contributions, ...base.questions.map((question) => question.themes)].flatMap((summary) =>
    summary.themes.flatMap((theme) => [theme, ...theme.subthemes].flatMap((each) => each.quotes.map((quote) => quote.contributionId))),
  );
  const inSubset = new Set(
    quoted.length === 0
      ? []
      : // A contribution hidden or withdrawn since is not quoted any more.
        (
          await client.$queryRaw<{ id: string }[]>`
            SELECT c."id" ${subset.from} ${subset.where} AND c."status" = 'APPROVED'::"ContributionStatus" AND c."id" IN (${Prisma.join([...new Set(quoted)])})`
        ).map((row) => row.id),
  );

  return {
    contributions: recount(base.contributions, contributionRows, inSubset),
    questions: questions.map(({ question, rows }) => ({ questionId: question.questionId, themes: recount(question.themes, rows, inSubset) })),
  };
}

/** A placement of formats 1 to 4 (a theme key, or "unplaced:<reason>") in format 5's shape, its reasons under their new names. */
function legacyPlacement(value: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`CASE
    WHEN ${value} IS NULL THEN NULL
    WHEN ${value} LIKE 'unplaced:%' THEN jsonb_build_object('reason', CASE substr(${value}, 10) WHEN 'noDistinctiveWords' THEN 'tooLittleText' WHEN 'smallGroup' THEN 'belongsNowhere' ELSE substr(${value}, 10) END)
    ELSE jsonb_build_object('themes', jsonb_build_array(jsonb_build_object('key', ${value}, 'weight', 1)))
  END`;
}

function recount(base: ThemeSummary, rows: CountRow[], inSubset: Set<string>): ThemeSummary {
  const byKey = new Map<string, Counted>();
  let documentCount = 0;
  let groupCount = 0;
  for (const row of rows) {
    if (row.k === "") {
      documentCount = row.members;
      groupCount = row.groups;
      continue;
    }
    let counted = byKey.get(row.k);
    if (!counted) byKey.set(row.k, (counted = { size: 0, contributionCount: 0, languages: {}, byStakeholderType: emptyCounts(), groups: [] }));
    if (row.groupId !== null) {
      counted.groups.push({ groupId: row.groupId, size: row.groupSize });
      continue;
    }
    counted.size += row.groups;
    counted.contributionCount += row.members;
    const type = row.t ?? "OTHER";
    counted.byStakeholderType[type] += row.groups;
    if (row.l !== null) counted.languages[row.l] = (counted.languages[row.l] ?? 0) + row.groups;
  }
  const share = (size: number) => (groupCount === 0 ? 0 : size / groupCount);

  const again = (theme: Theme): Theme | null => {
    const counted = byKey.get(theme.key);
    if (!counted || counted.size === 0) return null;
    counted.groups.sort((a, b) => b.size - a.size || (a.groupId < b.groupId ? -1 : 1));
    return {
      ...theme,
      size: counted.size,
      contributionCount: counted.contributionCount,
      share: share(counted.size),
      languages: sortedLanguages(counted.languages),
      byStakeholderType: counted.byStakeholderType,
      groups: counted.groups,
      quotes: theme.quotes.filter((quote) => inSubset.has(quote.contributionId)),
      subthemes: ranked(theme.subthemes.flatMap((sub) => again(sub) ?? [])),
    };
  };

  const notThemed: NotThemed = {
    count: 0,
    share: 0,
    byStakeholderType: emptyCounts(),
    byReason: Object.fromEntries(NOT_THEMED_REASONS.map((reason) => [reason, 0])) as Record<NotThemedReason, number>,
  };
  for (const reason of NOT_THEMED_REASONS) {
    const counted = byKey.get(`${REASON_PREFIX}${reason}`);
    if (!counted) continue;
    notThemed.count += counted.size;
    notThemed.byReason[reason] += counted.size;
    for (const type of Object.values(StakeholderType)) notThemed.byStakeholderType[type] += counted.byStakeholderType[type];
  }
  notThemed.share = share(notThemed.count);
  return { documentCount, groupCount, themes: ranked(base.themes.flatMap((theme) => again(theme) ?? [])), notThemed };
}

/** Largest first; a stable sort keeps the given order for ties. */
function ranked(themes: Theme[]): Theme[] {
  return themes.sort((a, b) => b.size - a.size);
}

function sortedLanguages(languages: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(languages).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)));
}

function emptyCounts(): Record<StakeholderType, number> {
  return Object.fromEntries(Object.values(StakeholderType).map((type) => [type, 0])) as Record<StakeholderType, number>;
}

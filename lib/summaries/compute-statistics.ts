import "server-only";
import { countryName } from "@/lib/vocabulary/countries";
import { STAKEHOLDER_TYPE_LABELS } from "@/lib/vocabulary/stakeholder-types";
import { PHASE_LABELS } from "@/lib/vocabulary/phases";
import { effectiveLanguageSql } from "@/lib/language/effective-language-sql";
import { languageName } from "@/lib/vocabulary/languages";
import { SCALE_MAX, SCALE_MIN } from "@/lib/contributions/schema";
import { notFound, parseInput } from "@/lib/errors";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { Phase, type QuestionKind, type StakeholderType } from "@/lib/generated/prisma/enums";
import { summaryFilterSchema, type SummaryFilters } from "@/lib/summaries/filter-schema";
import { overTimeOf, type OverTime } from "@/lib/summaries/over-time";

export type { FinalStretch, OverTime, TimePoint } from "@/lib/summaries/over-time";

// The figures of a consultation summary: its published (APPROVED)
// contributions, or those frozen with a published version, or the subset of
// either that the filters pick, all counted by PostgreSQL. Only aggregates
// leave the database, so the app never holds the rows (issue 5: 100,000
// contributions). No access check here: the page-level readers that call it
// decide who may see which summary.

/** Shares are fractions (0 to 1) of the `count`'s whole, for the page to format. */
export type StakeholderTypeCount = {
  /** Null: authors without a stakeholder profile. */
  key: StakeholderType | null;
  label: string;
  count: number;
  share: number;
};

export type CountryCount = {
  /** ISO 3166-1 alpha-2; null: authors without a stakeholder profile. */
  code: string | null;
  name: string;
  count: number;
  share: number;
};

export type PhaseCount = { key: Phase; label: string; count: number; share: number };

export type LanguageCount = { code: string; name: string; count: number; share: number };

export type ChoiceCount = {
  /** Null for answers that are not among the options (an option renamed since, for example). */
  option: string | null;
  count: number;
  /** Of the contributions that answered the question; multiple choices add up to more than 1. */
  share: number;
};

export type ScaleStatistics = {
  min: number;
  max: number;
  /** Mean of the values given; null when nobody answered. */
  average: number | null;
  /**
   * Every value from min to max, zero included, in order; a value outside
   * the scale (none can be submitted) where it falls, so the counts add up.
   */
  distribution: { value: number; count: number; share: number }[];
};

type QuestionBase = { questionId: string; position: number; prompt: string; answered: number };

/** The answers of the contributions of one stakeholder type (key null: authors without a profile). */
type ByTypeBase = { key: StakeholderType | null; label: string; answered: number };

/** A choice question's answers by one stakeholder type: the same options as the whole, shares of the type's answers. */
export type ChoicesByType = ByTypeBase & { choices: ChoiceCount[] };

export type ScaleByType = ByTypeBase & { scale: ScaleStatistics };

export type QuestionStatistics =
  | (QuestionBase & { kind: "FREE_TEXT" })
  | (QuestionBase & {
      kind: "SINGLE_CHOICE" | "MULTIPLE_CHOICE";
      /** Every option in its order, zero included, then the answers among none of them when there are any. */
      choices: ChoiceCount[];
      /**
       * The same answers side by side for each stakeholder type that
       * answered, most answers first, not stated last; null for versions
       * published before they were counted (formats 1 to 3).
       */
      byStakeholderType: ChoicesByType[] | null;
    })
  | (QuestionBase & { kind: "SCALE"; scale: ScaleStatistics; byStakeholderType: ScaleByType[] | null });

/** Plain JSON: frozen as it is into ConsultationSummary.statistics when a summary is published. */
export type SummaryStatistics = {
  consultationId: string;
  filters: SummaryFilters;
  total: number;
  /** By count, most first; ties by key; authors without a profile last. */
  byStakeholderType: StakeholderTypeCount[];
  /** By count, most first; ties by name; authors without a profile last. */
  byCountry: CountryCount[];
  /**
   * All three phases in order, zero included; none for a consultation
   * without a conference (format 4 on: its contributions all count as
   * "during", which means nothing there).
   */
  byPhase: PhaseCount[];
  /** By count, most first; ties by name. */
  byLanguage: LanguageCount[];
  overTime: OverTime;
  /** Every question of the consultation, by position. */
  questions: QuestionStatistics[];
  /** ISO 8601. */
  generatedAt: string;
};

export type StatisticsOptions = {
  /**
   * A published summary of this consultation: count the contributions frozen
   * with it (ConsultationSummaryContribution), whatever their status now,
   * instead of those approved now.
   */
  summaryId?: string;
  /** Count inside this transaction (publishing does, to freeze what it counts) instead of one of its own. */
  transaction?: Prisma.TransactionClient;
};

const NOT_STATED = "Not stated";

/**
 * Every figure of a consultation's summary for the contributions the filters
 * pick. Reads a consistent snapshot: in a REPEATABLE READ transaction of its
 * own, or in the transaction given.
 */
export async function computeStatistics(consultationId: string, filters: SummaryFilters = {}, options: StatisticsOptions = {}): Promise<SummaryStatistics> {
  const subset = subsetSql(consultationId, parseInput(summaryFilterSchema, filters), options.summaryId);
  if (options.transaction) return compute(options.transaction, consultationId, subset);
  return inSnapshot((tx) => compute(tx, consultationId, subset));
}

/**
 * Runs `read` in a REPEATABLE READ transaction: its queries see one snapshot.
 * On PGlite the level is not applied (the adapter sets it before BEGIN), and
 * need not be: its one connection runs nothing else until this commits.
 */
export function inSnapshot<T>(read: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return db.$transaction(read, {
    isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead,
    // Seconds at 100,000 contributions on a busy server; Prisma's default is 5.
    timeout: 60_000,
  });
}

type BreakdownRow = {
  stakeholderType: StakeholderType | null;
  country: string | null;
  phase: Phase | null;
  language: string | null;
  /** GROUPING() bits of the four columns: which grouping set the row is. */
  grouping: number;
  count: number;
};

const BY_TYPE = 0b0111;
const BY_COUNTRY = 0b1011;
const BY_PHASE = 0b1101;
const BY_LANGUAGE = 0b1110;
const ALL = 0b1111;

type DayRow = { day: string; count: number };

/** With an option: how many chose it. Without: how many answered, by scale value and by whether they chose beyond the options. Per stakeholder type. */
type AnswerRow = {
  questionId: string;
  stakeholderType: StakeholderType | null;
  option: string | null;
  value: number | null;
  other: boolean;
  count: number;
};

export type Subset = {
  filters: SummaryFilters;
  /** FROM the contributions (alias c) and their authors' profiles (alias p, none for an author without one). */
  from: Prisma.Sql;
  /** WHERE the contribution is in the summary and matches the filters. */
  where: Prisma.Sql;
  /** `from` without the profiles when no filter reads them, for queries that need none of their columns. */
  fromContributions: Prisma.Sql;
  /** The language contribution c is counted in (languageSql). */
  language: Prisma.Sql;
};

/** The group of near-identical texts of the subset's contribution c: as frozen by a published version, or as it is now. */
export function similarityGroupSql(summaryId?: string): Prisma.Sql {
  return summaryId !== undefined ? Prisma.sql`p."similarityGroupId"` : Prisma.sql`c."similarityGroupId"`;
}

/**
 * The effective language of the subset's contribution c: as frozen by a
 * published version (format 4 on), or as it is now (the live view, and the
 * versions published before languages were frozen).
 */
export function languageSql(summaryId?: string): Prisma.Sql {
  return summaryId !== undefined ? Prisma.sql`coalesce(p."language", ${effectiveLanguageSql("c")})` : effectiveLanguageSql("c");
}

/**
 * The contributions a summary counts: those approved now (the consultation's
 * public list), or those frozen with a published summary; with the filters.
 */
export function subsetSql(consultationId: string, filters: SummaryFilters, summaryId?: string): Subset {
  const conditions = [Prisma.sql`c."consultationId" = ${consultationId}`];
  if (filters.type) conditions.push(Prisma.sql`p."stakeholderType" = ${filters.type}::"StakeholderType"`);
  if (filters.country) conditions.push(Prisma.sql`p."country" = ${filters.country}`);
  if (filters.phase) conditions.push(Prisma.sql`c."phase" = ${filters.phase}::"Phase"`);
  const language = languageSql(summaryId);
  if (filters.language) conditions.push(Prisma.sql`${language} = ${filters.language}`);
  if (filters.groups === "once") conditions.push(onceEachGroup(filters, summaryId));
  const where = (extra: Prisma.Sql[]) => Prisma.sql`WHERE ${Prisma.join([...conditions, ...extra], " AND ")}`;
  if (summaryId !== undefined) {
    // A published version: its frozen contributions, with their authors'
    // stakeholder type and country as they were when it was published (the
    // frozen rows carry both under the profile's column names, so every
    // query below reads them through the same alias).
    const from = Prisma.sql`FROM "Contribution" c JOIN "ConsultationSummaryContribution" p ON p."contributionId" = c."id" AND p."summaryId" = ${summaryId}`;
    return { filters, from, where: where([]), fromContributions: from, language };
  }
  const from = Prisma.sql`FROM "Contribution" c LEFT JOIN "StakeholderProfile" p ON p."userId" = c."authorId"`;
  // PostgreSQL drops an unused LEFT JOIN, but still plans the scan as if the
  // join column were read: the series by date would lose its index-only scan
  // on (consultationId, status, submittedAt) (measured: 200 ms → 10 ms).
  const needsProfiles = Boolean(filters.type || filters.country);
  return {
    filters,
    from,
    where: where([Prisma.sql`c."status" = 'APPROVED'::"ContributionStatus"`]),
    fromContributions: needsProfiles ? from : Prisma.sql`FROM "Contribution" c`,
    language,
  };
}

/**
 * The contribution stands for its group: it is in none, or no earlier member
 * of its group (by submission, then id) is in the same subset (the same
 * status or frozen version, and the same filters, read from its own profile
 * or frozen row).
 */
function onceEachGroup(filters: SummaryFilters, summaryId: string | undefined): Prisma.Sql {
  // A published version counts by the groups it froze (on its rows, p and op).
  const group = similarityGroupSql(summaryId);
  const otherGroup = summaryId !== undefined ? Prisma.sql`op."similarityGroupId"` : Prisma.sql`o."similarityGroupId"`;
  const same = [Prisma.sql`${otherGroup} = ${group}`, Prisma.sql`(o."submittedAt", o."id") < (c."submittedAt", c."id")`];
  if (filters.phase) same.push(Prisma.sql`o."phase" = ${filters.phase}::"Phase"`);
  if (filters.language) {
    const otherLanguage = summaryId !== undefined ? Prisma.sql`coalesce(op."language", ${effectiveLanguageSql("o")})` : effectiveLanguageSql("o");
    same.push(Prisma.sql`${otherLanguage} = ${filters.language}`);
  }
  if (filters.type) same.push(Prisma.sql`op."stakeholderType" = ${filters.type}::"StakeholderType"`);
  if (filters.country) same.push(Prisma.sql`op."country" = ${filters.country}`);
  const from =
    summaryId !== undefined
      ? Prisma.sql`FROM "Contribution" o JOIN "ConsultationSummaryContribution" op ON op."contributionId" = o."id" AND op."summaryId" = ${summaryId}`
      : Prisma.sql`FROM "Contribution" o LEFT JOIN "StakeholderProfile" op ON op."userId" = o."authorId"`;
  if (summaryId === undefined) same.push(Prisma.sql`o."status" = 'APPROVED'::"ContributionStatus"`);
  return Prisma.sql`(${group} IS NULL OR NOT EXISTS (SELECT 1 ${from} WHERE ${Prisma.join(same, " AND ")}))`;
}

type QuestionRow = { id: string; position: number; kind: QuestionKind; prompt: string; options: string[] };

async function compute(tx: Prisma.TransactionClient, consultationId: string, subset: Subset): Promise<SummaryStatistics> {
  const { filters, from, where, fromContributions, language } = subset;
  const generatedAt = new Date().toISOString();
  const consultation = await tx.consultation.findUnique({
    where: { id: consultationId },
    select: {
      conference: { select: { timeZone: true } },
      questions: { orderBy: { position: "asc" }, select: { id: true, position: true, kind: true, prompt: true, options: true } },
    },
  });
  if (!consultation) throw notFound("This consultation");
  const timeZone = consultation.conference?.timeZone ?? "UTC";

  const breakdownRows = await tx.$queryRaw<BreakdownRow[]>`
    SELECT p."stakeholderType"::text AS "stakeholderType", p."country"::text AS "country", c."phase"::text AS "phase", ${language} AS "language",
           GROUPING(p."stakeholderType", p."country", c."phase", ${language})::int AS "grouping", count(*)::int AS "count"
    ${from} ${where}
    GROUP BY GROUPING SETS ((p."stakeholderType"), (p."country"), (c."phase"), (${language}), ())`;

  // Days on the local wall clock (timestamp without time zone), so date_trunc
  // steps in whole local days whatever the server's time zone. Counted by
  // day here; weeks and the final stretch are shaped from these few hundred
  // rows (over-time.ts).
  const dayRows = await tx.$queryRaw<DayRow[]>`
    SELECT to_char(date_trunc('day', (c."submittedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}), 'YYYY-MM-DD') AS "day", count(*)::int AS "count"
    ${fromContributions} ${where}
    GROUP BY 1`;

  const answerRows = consultation.questions.length === 0 ? [] : await countAnswers(tx, consultationId, subset);

  const total = breakdownRows.find((row) => row.grouping === ALL)?.count ?? 0;
  const rowsOf = (grouping: number) => breakdownRows.filter((row) => row.grouping === grouping);
  return {
    consultationId,
    filters,
    total,
    byStakeholderType: sortByCount(
      rowsOf(BY_TYPE).map((row) => ({
        key: row.stakeholderType,
        label: row.stakeholderType ? STAKEHOLDER_TYPE_LABELS[row.stakeholderType] : NOT_STATED,
        count: row.count,
        share: share(row.count, total),
      })),
      (entry) => entry.key,
    ),
    byCountry: sortByCount(
      rowsOf(BY_COUNTRY).map((row) => ({
        code: row.country,
        name: row.country ? countryName(row.country) : NOT_STATED,
        count: row.count,
        share: share(row.count, total),
      })),
      (entry) => (entry.code === null ? null : entry.name),
    ),
    byPhase: consultation.conference
      ? Object.values(Phase).map((phase) => {
          const count = rowsOf(BY_PHASE).find((row) => row.phase === phase)?.count ?? 0;
          return { key: phase, label: PHASE_LABELS[phase], count, share: share(count, total) };
        })
      : [],
    byLanguage: sortByCount(
      rowsOf(BY_LANGUAGE).flatMap((row) =>
        row.language === null ? [] : [{ code: row.language, name: languageName(row.language), count: row.count, share: share(row.count, total) }],
      ),
      (entry) => entry.name,
    ),
    overTime: overTimeOf(dayRows, timeZone),
    questions: consultation.questions.map((question) => questionStatistics(question, answerRows)),
    generatedAt,
  };
}

/**
 * Per question and stakeholder type: how many contributions answered it
 * (for a scale, by value given; for choices, split by whether anything
 * chosen is none of the options), and how many chose each option. A blank
 * answer (empty text, no box ticked) is no answer. One pass over the
 * contributions' answers, joined to one row per question (option null) and
 * one per option of a choice question, and grouped in a hash: no sort, no
 * subquery per answer, nothing to spill (measured at 41,640 contributions:
 * 1.2 s → 0.6 s). The whole question's figures are the sums over the types.
 */
function countAnswers(tx: Prisma.TransactionClient, consultationId: string, { from, where }: Subset): Promise<AnswerRow[]> {
  // A single choice is stored as a string, multiple choices as an array:
  // jsonb_exists (the function behind `?`) finds a string in either, and `<@`
  // is true of either when all of it is among the options. The function, not
  // the operator: the planner takes `?` to keep 0.1 % of the rows, expects
  // almost nothing to group, and sorts 100,000s of rows on disk instead of
  // hashing them (measured: 1.0 s → 0.7 s).
  return tx.$queryRaw<AnswerRow[]>`
    WITH counted AS (
      SELECT q."id", q."kind", q."options", NULL::text AS "option" FROM "Question" q WHERE q."consultationId" = ${consultationId}
      UNION ALL
      SELECT q."id", q."kind", q."options", option FROM "Question" q CROSS JOIN LATERAL unnest(q."options") AS option WHERE q."consultationId" = ${consultationId}
    )
    SELECT counted."id" AS "questionId", p."stakeholderType"::text AS "stakeholderType", counted."option",
           CASE WHEN counted."option" IS NULL AND counted."kind" = 'SCALE' THEN (answer.value)::float8 END AS "value",
           (counted."option" IS NULL AND counted."kind" IN ('SINGLE_CHOICE', 'MULTIPLE_CHOICE') AND NOT answer.value <@ to_jsonb(counted."options")) AS "other",
           count(*)::int AS "count"
    ${from}
    CROSS JOIN LATERAL jsonb_each(CASE jsonb_typeof(c."answers") WHEN 'object' THEN c."answers" ELSE '{}' END) AS answer
    JOIN counted ON counted."id" = answer.key AND (counted."option" IS NULL OR jsonb_exists(answer.value, counted."option"))
    ${where}
      AND CASE counted."kind"
            WHEN 'SCALE' THEN jsonb_typeof(answer.value) = 'number'
            WHEN 'FREE_TEXT' THEN jsonb_typeof(answer.value) = 'string' AND answer.value #>> '{}' ~ '\\S'
            ELSE (jsonb_typeof(answer.value) = 'string' AND answer.value #>> '{}' <> '')
              OR (jsonb_typeof(answer.value) = 'array' AND jsonb_array_length(answer.value) > 0)
          END
    GROUP BY 1, 2, 3, 4, 5`;
}

function questionStatistics(question: QuestionRow, rows: AnswerRow[]): QuestionStatistics {
  const own = rows.filter((row) => row.questionId === question.id);
  const base = { questionId: question.id, position: question.position, prompt: question.prompt, answered: answeredIn(own) };
  switch (question.kind) {
    case "FREE_TEXT":
      return { ...base, kind: question.kind };
    // Each type has the same options, or values, as the whole question, in
    // the same order: the columns of one table.
    case "SINGLE_CHOICE":
    case "MULTIPLE_CHOICE": {
      const choices = choiceCounts(question.options, own, own.some((row) => row.other));
      const withOther = choices.some((choice) => choice.option === null);
      return { ...base, kind: question.kind, choices, byStakeholderType: byType(own, (typeRows) => ({ choices: choiceCounts(question.options, typeRows, withOther) })) };
    }
    case "SCALE": {
      const scale = scaleStatistics(own, []);
      const values = scale.distribution.map((point) => point.value);
      return { ...base, kind: question.kind, scale, byStakeholderType: byType(own, (typeRows) => ({ scale: scaleStatistics(typeRows, values) })) };
    }
  }
}

/** How many contributions answered, of the rows of one question (and type). */
function answeredIn(rows: AnswerRow[]): number {
  return rows.filter((row) => row.option === null).reduce((total, row) => total + row.count, 0);
}

/** The rows of each stakeholder type that answered, as `figures` counts them; most answers first, ties by key, not stated last. */
function byType<T>(rows: AnswerRow[], figures: (typeRows: AnswerRow[]) => T): (ByTypeBase & T)[] {
  const types = new Map<StakeholderType | null, AnswerRow[]>();
  for (const row of rows) types.set(row.stakeholderType, [...(types.get(row.stakeholderType) ?? []), row]);
  const entries = [...types].map(([key, typeRows]) => ({ key, label: key ? STAKEHOLDER_TYPE_LABELS[key] : NOT_STATED, answered: answeredIn(typeRows), ...figures(typeRows) }));
  return entries.filter((entry) => entry.answered > 0).sort((a, b) => mostFirst(a.answered, a.key, b.answered, b.key));
}

/** `withOther`: a count of the answers among none of the options, after them, even at zero. */
function choiceCounts(options: string[], rows: AnswerRow[], withOther: boolean): ChoiceCount[] {
  const answered = answeredIn(rows);
  const countOf = (option: string) => rows.filter((row) => row.option === option).reduce((total, row) => total + row.count, 0);
  const choices: ChoiceCount[] = options.map((option) => ({ option, count: countOf(option), share: share(countOf(option), answered) }));
  const other = rows.filter((row) => row.option === null && row.other).reduce((total, row) => total + row.count, 0);
  if (withOther) choices.push({ option: null, count: other, share: share(other, answered) });
  return choices;
}

/** `values`: given beyond the scale's own, to list even at zero (those of the whole question, for a type). */
function scaleStatistics(rows: AnswerRow[], values: number[]): ScaleStatistics {
  const given = rows.filter((row) => row.option === null);
  const answered = answeredIn(rows);
  const countOf = (value: number) => given.filter((row) => row.value === value).reduce((total, row) => total + row.count, 0);
  const listed = new Set<number>([...Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, index) => SCALE_MIN + index), ...values]);
  for (const row of given) if (row.value !== null) listed.add(row.value);
  const distribution = [...listed].sort((a, b) => a - b).map((value) => ({ value, count: countOf(value), share: share(countOf(value), answered) }));
  const sum = distribution.reduce((total, point) => total + point.value * point.count, 0);
  return { min: SCALE_MIN, max: SCALE_MAX, average: answered === 0 ? null : sum / answered, distribution };
}

function share(count: number, whole: number): number {
  return whole === 0 ? 0 : count / whole;
}

/** Most first, ties by `tieKey` (English order); a null tie key (not stated) last. */
function sortByCount<T extends { count: number }>(entries: T[], tieKey: (entry: T) => string | null): T[] {
  return entries.sort((a, b) => mostFirst(a.count, tieKey(a), b.count, tieKey(b)));
}

function mostFirst(countA: number, keyA: string | null, countB: number, keyB: string | null): number {
  if (keyA === null || keyB === null) return keyA === keyB ? 0 : keyA === null ? 1 : -1;
  return countB - countA || keyA.localeCompare(keyB, "en");
}

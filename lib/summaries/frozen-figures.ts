import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { Phase, StakeholderType } from "@/lib/generated/prisma/enums";
import type { SummaryStatistics } from "@/lib/summaries/compute-statistics";
import type { SummaryFigures, SummaryThemes } from "@/lib/summaries/summary-figures";
import { summaryFilterSchema } from "@/lib/summaries/filter-schema";
import type { Theme } from "@/lib/summaries/themes/types";

// The figures and themes a published summary version froze, as JSON in
// ConsultationSummary.statistics and .themes: checked when read, so that a
// version published by older code is upgraded to what the page and the open
// data expect, or refused with an error that says where, instead of being
// served under a type it does not have. How to change the format:
// docs/decisions/0008-frozen-summary-format.md.

/** The format publishing writes now (ConsultationSummary.figuresFormat). */
export const FROZEN_FIGURES_FORMAT = 5;

/** From this format on, themes have weights, sub-themes and sourced quotes, and frozen contributions carry themePlacement. */
export const FROZEN_WEIGHTED_THEMES_FORMAT = 5;

/** From this format on, the frozen contributions carry their group of near-identical texts (near-duplicate figures). */
export const FROZEN_GROUPS_FORMAT = 3;

/** Whether a published version froze its contributions' groups (older ones have no near-duplicate figures). */
export function hasFrozenGroups(stored: { figuresFormat: number | null }): boolean {
  return (stored.figuresFormat ?? 1) >= FROZEN_GROUPS_FORMAT;
}

const count = z.int().nonnegative();
const share = z.number().min(0).max(1);

/**
 * A count for each key, the object kept as stored: a parsed record would
 * list its keys in the schema's order, not the stored one, and the summary
 * CSV writes a row per key in the order it finds them.
 */
function countsOf<K extends z.ZodEnum>(keys: K) {
  const exact = z.record(keys, count);
  return z.custom<Record<z.output<K>, number>>((value) => exact.safeParse(value).success, `Expected a count for each of ${keys.options.join(", ")}, and nothing else.`);
}

const byStakeholderType = countsOf(z.enum(StakeholderType));

// Format 1: what publishing stored before formats were numbered (before
// issue 9: figuresFormat is null). A later format that changes the figures
// keeps these schemas as they are and adds its own.

const questionBase = { questionId: z.string(), position: z.int().nonnegative(), prompt: z.string(), answered: count };

// The filters of formats 1 to 3 (no language yet). Publishing stores none;
// kept exact all the same.
const filtersV1 = summaryFilterSchema.pick({ type: true, country: true, phase: true, groups: true });

const choicesV1 = z.array(z.object({ option: z.string().nullable(), count, share }));
const scaleV1 = z.object({
  min: z.number(),
  max: z.number(),
  average: z.number().nullable(),
  distribution: z.array(z.object({ value: z.number(), count, share })),
});
const timePointsV1 = z.array(z.object({ start: z.string(), count }));

const statisticsV1 = z.object({
  consultationId: z.string(),
  filters: filtersV1,
  total: count,
  byStakeholderType: z.array(z.object({ key: z.enum(StakeholderType).nullable(), label: z.string(), count, share })),
  byCountry: z.array(z.object({ code: z.string().nullable(), name: z.string(), count, share })),
  byPhase: z.array(z.object({ key: z.enum(Phase), label: z.string(), count, share })),
  byLanguage: z.array(z.object({ code: z.string(), name: z.string(), count, share })),
  overTime: z.object({ unit: z.enum(["day", "week"]), timeZone: z.string(), points: timePointsV1 }),
  questions: z.array(
    z.discriminatedUnion("kind", [
      z.object({ ...questionBase, kind: z.literal("FREE_TEXT") }),
      z.object({ ...questionBase, kind: z.enum(["SINGLE_CHOICE", "MULTIPLE_CHOICE"]), choices: choicesV1 }),
      z.object({ ...questionBase, kind: z.literal("SCALE"), scale: scaleV1 }),
    ]),
  ),
  generatedAt: z.string(),
});

// Format 4 (issue 11): the language filter; the time series' final stretch
// by day; the answers to closed questions by stakeholder type; no phases for
// a consultation without a conference (same schema, an empty list).
const byTypeBase = { key: z.enum(StakeholderType).nullable(), label: z.string(), answered: count };

const statisticsV4 = statisticsV1.extend({
  filters: summaryFilterSchema,
  overTime: z.object({
    unit: z.enum(["day", "week"]),
    timeZone: z.string(),
    points: timePointsV1,
    finalStretch: z.object({ days: count, points: timePointsV1, count, share }).nullable(),
  }),
  questions: z.array(
    z.discriminatedUnion("kind", [
      z.object({ ...questionBase, kind: z.literal("FREE_TEXT") }),
      z.object({
        ...questionBase,
        kind: z.enum(["SINGLE_CHOICE", "MULTIPLE_CHOICE"]),
        choices: choicesV1,
        byStakeholderType: z.array(z.object({ ...byTypeBase, choices: choicesV1 })).nullable(),
      }),
      z.object({ ...questionBase, kind: z.literal("SCALE"), scale: scaleV1, byStakeholderType: z.array(z.object({ ...byTypeBase, scale: scaleV1 })).nullable() }),
    ]),
  ),
});

/**
 * Formats 1 to 3 in format 4's shape, with nothing derived for what they
 * never counted: no final stretch (the page shows the series as it was
 * published), no answers by stakeholder type (the page shows none). Their
 * phases stay as published, even for a consultation without a conference:
 * a published version is the record of what was published.
 */
const statisticsV1AsV4 = statisticsV1.transform(
  (statistics): SummaryStatistics => ({
    ...statistics,
    overTime: { ...statistics.overTime, finalStretch: null },
    questions: statistics.questions.map((question) => (question.kind === "FREE_TEXT" ? question : { ...question, byStakeholderType: null })),
  }),
);

const themeSummaryV1 = z.object({
  documentCount: count,
  themes: z.array(
    z.object({
      key: z.string(),
      language: z.string(),
      terms: z.array(z.string()),
      size: count,
      share,
      byStakeholderType,
      quotes: z.array(z.object({ contributionId: z.string(), reference: z.string(), excerpt: z.string() })),
    }),
  ),
  unplaced: z.object({
    count,
    share,
    byStakeholderType,
    byReason: countsOf(z.enum(["fewInLanguage", "noDistinctiveWords", "smallGroup"])),
  }),
});

const themesV1 = z.object({
  contributions: themeSummaryV1,
  questions: z.array(z.object({ questionId: z.string(), themes: themeSummaryV1 })),
});

// Format 5 (issue 11): the new engine's themes (themes/types.ts): labels,
// sub-themes, languages, groups counted once, quotes with their source, the
// reasons for "not themed", and the moderators' steering marks.
const textSource = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("title") }),
  z.object({ kind: z.literal("body") }),
  z.object({ kind: z.literal("attachment"), attachmentId: z.string(), fileName: z.string(), page: z.int().positive() }),
]);
const themeFieldsV5 = {
  key: z.string(),
  label: z.string(),
  terms: z.array(z.string()),
  size: count,
  contributionCount: count,
  share,
  languages: z.record(z.string(), count),
  byStakeholderType,
  groups: z.array(z.object({ groupId: z.string(), size: count })),
  quotes: z.array(z.object({ contributionId: z.string(), reference: z.string(), text: z.string(), source: textSource.nullable() })),
  steered: z.boolean(),
  seeds: z.array(z.string()).optional(),
};
// Sub-themes have the same fields (and none of their own: the engine finds two levels).
const themeV5: z.ZodType<Theme> = z.object({
  ...themeFieldsV5,
  get subthemes(): z.ZodArray<z.ZodType<Theme>> {
    return z.array(themeV5);
  },
});
const themeSummaryV5 = z.object({
  documentCount: count,
  groupCount: count,
  themes: z.array(themeV5),
  notThemed: z.object({
    count,
    share,
    byStakeholderType,
    byReason: countsOf(z.enum(["onlyBoilerplate", "tooLittleText", "belongsNowhere", "fewInLanguage", "setAside"])),
  }),
});
const themesV5 = z.object({
  contributions: themeSummaryV5,
  questions: z.array(z.object({ questionId: z.string(), themes: themeSummaryV5 })),
});

/**
 * Formats 1 to 4's themes in format 5's shape: one language each, no
 * sub-themes or groups (each contribution counted as itself), the excerpt
 * as the quote with no source, the old reasons under their nearest new
 * names (a group too small to be a theme belongs nowhere; no distinctive
 * word is too little text).
 */
const themesV1AsV5 = themesV1.transform((themes): SummaryThemes => {
  const upgrade = (summary: z.output<typeof themeSummaryV1>): z.output<typeof themeSummaryV5> => ({
    documentCount: summary.documentCount,
    groupCount: summary.documentCount,
    themes: summary.themes.map((theme) => ({
      key: theme.key,
      label: theme.terms.slice(0, 2).join(", "),
      terms: theme.terms,
      size: theme.size,
      contributionCount: theme.size,
      share: theme.share,
      languages: { [theme.language]: theme.size },
      byStakeholderType: theme.byStakeholderType,
      groups: [],
      quotes: theme.quotes.map((quote) => ({ contributionId: quote.contributionId, reference: quote.reference, text: quote.excerpt, source: null })),
      steered: false,
      subthemes: [],
    })),
    notThemed: {
      count: summary.unplaced.count,
      share: summary.unplaced.share,
      byStakeholderType: summary.unplaced.byStakeholderType,
      byReason: {
        onlyBoilerplate: 0,
        tooLittleText: summary.unplaced.byReason.noDistinctiveWords,
        belongsNowhere: summary.unplaced.byReason.smallGroup,
        fewInLanguage: summary.unplaced.byReason.fewInLanguage,
        setAside: 0,
      },
    },
  });
  return { contributions: upgrade(themes.contributions), questions: themes.questions.map((question) => ({ questionId: question.questionId, themes: upgrade(question.themes) })) };
});

/** True when A and B are the same type, each assignable to the other. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// tsc stops here when the types the figures are computed as
// (compute-statistics.ts, themes/types.ts) and the newest format's schemas
// drift apart: a changed type needs a new format, not a silent one.
export const NEWEST_FORMAT_MATCHES_TYPES: Same<z.output<typeof statisticsV4>, SummaryStatistics> & Same<z.output<typeof themesV5>, SummaryThemes> = true;

// Each format's schemas give the newest shape. Format 2 is format 1 with
// its number stored (ConsultationSummary.figuresFormat); format 3 is format
// 2 whose frozen contributions also carry their similarity group
// (ConsultationSummaryContribution.similarityGroupId). Format 4 changes the
// statistics (statisticsV4; its frozen contributions also carry their
// language): formats 1 to 3 are upgraded to it. Format 5 changes the themes
// (themesV5; its frozen contributions carry weighted themePlacement):
// formats 1 to 4 are upgraded to it. A format that changes the figures adds
// a transform here from the one before.
const FORMATS: Record<number, { statistics: z.ZodType<SummaryStatistics>; themes: z.ZodType<SummaryThemes> }> = {
  1: { statistics: statisticsV1AsV4, themes: themesV1AsV5 },
  2: { statistics: statisticsV1AsV4, themes: themesV1AsV5 },
  3: { statistics: statisticsV1AsV4, themes: themesV1AsV5 },
  4: { statistics: statisticsV4, themes: themesV1AsV5 },
  5: { statistics: statisticsV4, themes: themesV5 },
};

/** Which published version the stored figures belong to, for the error that says they do not parse. */
export type FrozenFiguresSource = { consultation: string; version: number };

/** Frozen figures that are missing, of a format this code does not know, or not of the shape their format says. */
export class FrozenFiguresError extends Error {
  constructor(
    readonly source: FrozenFiguresSource,
    problem: string,
    options?: { cause: unknown },
  ) {
    super(`The figures frozen with summary version ${source.version} of consultation ${source.consultation} ${problem}`, options);
    this.name = "FrozenFiguresError";
  }
}

/** The columns readFrozenFigures reads: the frozen figures and their format (null: format 1, from before formats were numbered). */
export const storedFiguresSelect = { statistics: true, themes: true, figuresFormat: true } satisfies Prisma.ConsultationSummarySelect;

export type StoredFigures = Prisma.ConsultationSummaryGetPayload<{ select: typeof storedFiguresSelect }>;

/** The frozen figures of a published version, in the newest shape whatever format they were stored in. */
export function readFrozenFigures(stored: StoredFigures, source: FrozenFiguresSource): SummaryFigures {
  const format = stored.figuresFormat ?? 1;
  const schemas = FORMATS[format];
  // Written by newer code (read after a rollback, say): reading it as an older format would guess.
  if (!schemas) throw new FrozenFiguresError(source, `are in format ${format}, which this version of Agora cannot read (it reads up to ${FROZEN_FIGURES_FORMAT}).`);
  // Publishing writes both in the transaction that publishes the version.
  if (stored.statistics === null || stored.themes === null) throw new FrozenFiguresError(source, "are missing.");
  const parse = <T>(schema: z.ZodType<T>, value: Prisma.JsonValue, column: string): T => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    throw new FrozenFiguresError(source, `do not match format ${format} (${column}):\n${z.prettifyError(parsed.error)}`, { cause: parsed.error });
  };
  return { statistics: parse(schemas.statistics, stored.statistics, "statistics"), themes: parse(schemas.themes, stored.themes, "themes") };
}

/** What publishing stores: the figures as they are, and the format they are in. */
export function toStoredFigures(figures: SummaryFigures): { statistics: Prisma.InputJsonObject; themes: Prisma.InputJsonObject; figuresFormat: number } {
  return { statistics: figures.statistics, themes: figures.themes, figuresFormat: FROZEN_FIGURES_FORMAT };
}

/** Themes stored by the theme job (ThemeComputation.themes), always in the newest format. */
export function parseStoredThemes(value: Prisma.JsonValue, what: string): SummaryThemes {
  const parsed = themesV5.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new Error(`${what} do not match format ${FROZEN_FIGURES_FORMAT}:\n${z.prettifyError(parsed.error)}`, { cause: parsed.error });
}

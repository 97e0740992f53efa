import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { siteUrl, summaryLinks } from "@/lib/open-data/links";
import type {
  OpenQuestionStatistics,
  OpenSummary,
  OpenSummaryItem,
  OpenSummaryStatistics,
  OpenSubtheme,
  OpenThemeQuoteSource,
  OpenThemeSummary,
} from "@/lib/open-data/summary-records";
import type { ChoiceCount, FinalStretch, QuestionStatistics, ScaleStatistics, SummaryStatistics } from "@/lib/summaries/compute-statistics";
import type { SummaryFigures } from "@/lib/summaries/summary-figures";
import { readFrozenFigures, storedFiguresSelect } from "@/lib/summaries/frozen-figures";
import type { TextSource, Theme, ThemeSummary } from "@/lib/summaries/themes/types";

// A published version of a consultation summary as open data. Its figures
// and themes are the JSON frozen with it (lib/summaries/frozen-figures.ts),
// copied field by field into the public shape (lib/open-data/summary-records.ts).

/** Published versions only: a draft is the moderators' alone, in the API as on the site. */
export const publishedSummaryWhere = { status: "PUBLISHED", publishedAt: { not: null } } satisfies Prisma.ConsultationSummaryWhereInput;

export const summaryItemSelect = {
  version: true,
  publishedAt: true,
  _count: { select: { contributions: true } },
} satisfies Prisma.ConsultationSummarySelect;

export const summarySelect = {
  ...summaryItemSelect,
  synthesis: true,
  highlights: true,
  ...storedFiguresSelect,
} satisfies Prisma.ConsultationSummarySelect;

type SummaryItemRow = Prisma.ConsultationSummaryGetPayload<{ select: typeof summaryItemSelect }>;
type SummaryRow = Prisma.ConsultationSummaryGetPayload<{ select: typeof summarySelect }>;

export function toOpenSummaryItem(slug: string, row: SummaryItemRow): OpenSummaryItem {
  // The where clause above keeps unpublished versions out; the type cannot know it.
  if (!row.publishedAt) throw new Error(`Unpublished summary version ${row.version} of ${slug} reached the open data`);
  return {
    consultation: slug,
    version: row.version,
    publishedAt: row.publishedAt.toISOString(),
    contributionCount: row._count.contributions,
    url: siteUrl(`/consultations/${slug}/summary?version=${row.version}`),
    links: summaryLinks(slug, row.version),
  };
}

/** The version's frozen figures, parsed (and upgraded from an older format) once for both functions below. */
export function frozenFiguresOf(slug: string, row: SummaryRow): SummaryFigures {
  return readFrozenFigures(row, { consultation: slug, version: row.version });
}

/** Every contribution reference the version names, in its highlights and its themes' and sub-themes' quotes: what must still be published to be shown. */
export function referencesNamedBy(row: SummaryRow, { themes }: SummaryFigures): string[] {
  const quoted = [themes.contributions, ...themes.questions.map((question) => question.themes)].flatMap((summary) =>
    summary.themes.flatMap((theme) => [theme, ...theme.subthemes]).flatMap((theme) => theme.quotes.map((quote) => quote.reference)),
  );
  return [...new Set([...row.highlights, ...quoted])];
}

/**
 * The version as open data. `published` holds the titles of the named
 * contributions still published now: a highlight or a quote of one hidden or
 * withdrawn since is left out, while the figures stay as they were frozen.
 */
export function toOpenSummary(slug: string, row: SummaryRow, { statistics, themes }: SummaryFigures, published: ReadonlyMap<string, { title: string }>): OpenSummary {
  const questions = statistics.questions.map((question, index) => toOpenQuestion(question, index + 1));
  return {
    ...toOpenSummaryItem(slug, row),
    synthesis: row.synthesis,
    highlights: row.highlights.flatMap((reference) => {
      const contribution = published.get(reference);
      return contribution ? [{ reference, url: contributionUrl(reference), title: contribution.title }] : [];
    }),
    statistics: toOpenStatistics(statistics, questions),
    themes: {
      contributions: toOpenThemeSummary(themes.contributions, published),
      questions: themes.questions.map(({ questionId, themes: summary }) => {
        const question = questions.find((candidate) => candidate.questionId === questionId);
        // Themes are found for the free-text questions of the same statistics.
        if (!question) throw new Error(`Summary version ${row.version} of ${slug} has themes of a question it does not count`);
        return { questionId, number: question.number, prompt: question.prompt, themes: toOpenThemeSummary(summary, published) };
      }),
    },
  };
}

const contributionUrl = (reference: string) => siteUrl(`/contributions/${reference}`);

function toOpenStatistics(statistics: SummaryStatistics, questions: OpenQuestionStatistics[]): OpenSummaryStatistics {
  return {
    total: statistics.total,
    byStakeholderType: statistics.byStakeholderType.map(({ key, label, count, share }) => ({ key, label, count, share })),
    byCountry: statistics.byCountry.map(({ code, name, count, share }) => ({ code, name, count, share })),
    byPhase: statistics.byPhase.map(({ key, label, count, share }) => ({ key, label, count, share })),
    byLanguage: statistics.byLanguage.map(({ code, name, count, share }) => ({ code, name, count, share })),
    overTime: {
      unit: statistics.overTime.unit,
      timeZone: statistics.overTime.timeZone,
      points: statistics.overTime.points.map(({ start, count }) => ({ start, count })),
      finalStretch: finalStretch(statistics.overTime.finalStretch),
    },
    questions,
    generatedAt: statistics.generatedAt,
  };
}

function finalStretch(stretch: FinalStretch | null) {
  if (!stretch) return null;
  const { days, points, count, share } = stretch;
  return { days, points: points.map(({ start, count: onDay }) => ({ start, count: onDay })), count, share };
}

function toOpenQuestion(question: QuestionStatistics, number: number): OpenQuestionStatistics {
  const base = { questionId: question.questionId, number, prompt: question.prompt, answered: question.answered };
  switch (question.kind) {
    case "FREE_TEXT":
      return { ...base, kind: question.kind };
    case "SINGLE_CHOICE":
    case "MULTIPLE_CHOICE":
      return {
        ...base,
        kind: question.kind,
        choices: openChoices(question.choices),
        choicesByStakeholderType: question.byStakeholderType?.map(({ key, label, answered, choices }) => ({ key, label, answered, choices: openChoices(choices) })) ?? null,
      };
    case "SCALE":
      return {
        ...base,
        kind: question.kind,
        scale: openScale(question.scale),
        scaleByStakeholderType: question.byStakeholderType?.map(({ key, label, answered, scale }) => ({ key, label, answered, scale: openScale(scale) })) ?? null,
      };
  }
}

const openChoices = (choices: ChoiceCount[]) => choices.map(({ option, count, share }) => ({ option, count, share }));

function openScale({ min, max, average, distribution }: ScaleStatistics) {
  return { min, max, average, distribution: distribution.map(({ value, count, share }) => ({ value, count, share })) };
}

/** Themes as open data, field by field; a quote of a contribution not in `published` is left out. */
export function toOpenThemeSummary(summary: ThemeSummary, published: ReadonlyMap<string, unknown>): OpenThemeSummary {
  const { count, share, byStakeholderType, byReason } = summary.notThemed;
  return {
    documentCount: summary.documentCount,
    groupCount: summary.groupCount,
    themes: summary.themes.map((theme) => ({ ...toOpenSubtheme(theme, published), subthemes: theme.subthemes.map((sub) => toOpenSubtheme(sub, published)) })),
    notThemed: {
      count,
      share,
      byStakeholderType,
      byReason: {
        onlyBoilerplate: byReason.onlyBoilerplate,
        tooLittleText: byReason.tooLittleText,
        belongsNowhere: byReason.belongsNowhere,
        fewInLanguage: byReason.fewInLanguage,
        setAside: byReason.setAside,
      },
    },
  };
}

/** A theme without its sub-themes, field by field. */
function toOpenSubtheme(theme: Theme, published: ReadonlyMap<string, unknown>): OpenSubtheme {
  return {
    key: theme.key,
    label: theme.label,
    terms: theme.terms,
    size: theme.size,
    contributionCount: theme.contributionCount,
    share: theme.share,
    languages: Object.fromEntries(Object.entries(theme.languages).filter(([, count]) => count > 0)),
    byStakeholderType: theme.byStakeholderType,
    groups: theme.groups.map(({ groupId, size }) => ({ similarityGroupId: groupId, size })),
    quotes: theme.quotes.flatMap(({ reference, text, source }) =>
      published.has(reference) ? [{ reference, url: contributionUrl(reference), text, source: source && toOpenQuoteSource(source) }] : [],
    ),
    steered: theme.steered,
    seeds: theme.seeds ?? null,
  };
}

function toOpenQuoteSource(source: TextSource): OpenThemeQuoteSource {
  if (source.kind !== "attachment") return { kind: source.kind, fileName: null, page: null, url: null };
  // The address the contribution's own record gives its file (read-contribution-batch.ts).
  return { kind: source.kind, fileName: source.fileName, page: source.page, url: siteUrl(`/api/attachments/${source.attachmentId}`) };
}

import { formatCount, formatShare } from "@/lib/format";
import { NOT_THEMED_REASONS, type NotThemedReason, type TextSource, type Theme, type ThemeSummary } from "@/lib/summaries/themes/types";
import type { StakeholderType } from "@/lib/generated/prisma/enums";
import { languageName } from "@/lib/vocabulary/languages";
import { STAKEHOLDER_TYPE_LABELS } from "@/lib/vocabulary/stakeholder-types";

// The words the summary page (components/summaries/theme-list.tsx) and the
// report (lib/summaries/report/theme-section.ts) say about themes, in one
// place so that a reader of both reads the same sentences. Plain strings:
// each caller adds its own links and markup.

/** What the grouped texts are: "contributions", or "answers" to a question. */
export type ThemeNoun = "contributions" | "answers";

const listFormat = new Intl.ListFormat("en-GB", { type: "conjunction" });

const singular = (noun: ThemeNoun) => noun.replace(/s$/, "");

export function countOf(count: number, noun: ThemeNoun): string {
  return `${formatCount(count)} ${count === 1 ? singular(noun) : noun}`;
}

/** The paragraph above the themes, or the one sentence said when there are none. */
export function themesIntro(summary: ThemeSummary, noun: ThemeNoun): string {
  if (summary.documentCount === 0) return `No ${noun} to group.`;
  if (summary.themes.length === 0) return `No theme was found in the ${countOf(summary.documentCount, noun)}.`;
  const themes = summary.themes.length === 1 ? "1 theme" : `${formatCount(summary.themes.length)} themes`;
  const countedOnce =
    summary.groupCount < summary.documentCount ? ` Near-identical texts count once: sizes and shares are of the ${formatCount(summary.groupCount)} distinct ${noun}.` : "";
  return (
    `${themes} in ${countOf(summary.documentCount, noun)}, largest first. ` +
    `Themes are found by comparing the words and phrases of the ${noun} in every language, on our own servers; greetings, cover notes and other boilerplate are left out. ` +
    `${noun === "answers" ? "An answer" : "A contribution"} on several subjects is in the theme of each.${countedOnce}`
  );
}

/** "12 contributions (9.4%)": its size, each group of near-identical texts once, and its share. */
export function themeSize(theme: Theme, noun: ThemeNoun): string {
  return `${countOf(theme.size, noun)} (${formatShare(theme.share)})`;
}

/**
 * "15 contributions, 5 of them counted once as 2 groups of near-identical
 * text (of 3 and 2 contributions)", or null when no text of the theme is
 * in such a group.
 */
export function themeGroups(theme: Theme, noun: ThemeNoun): string | null {
  if (theme.contributionCount <= theme.size) return null;
  const inGroups = theme.groups.reduce((sum, group) => sum + group.size, 0);
  const all = countOf(theme.contributionCount, noun);
  if (theme.groups.length === 0) return `${all}, near-identical texts counted once.`;
  const groups = theme.groups.length === 1 ? "1 group" : `${formatCount(theme.groups.length)} groups`;
  const sizes = listFormat.format(theme.groups.map((group) => formatCount(group.size)));
  return `${all}, ${formatCount(inGroups)} of them counted once as ${groups} of near-identical text (of ${sizes} ${noun}).`;
}

/** Its languages by how many of its texts each holds, most first: "10 in English, 2 in French (français)". */
export function themeLanguages(theme: Theme): string {
  return languagesByCount(theme)
    .map(([code, count]) => `${formatCount(count)} in ${languageName(code)}`)
    .join(", ");
}

function languagesByCount(theme: Theme): [string, number][] {
  return Object.entries(theme.languages)
    .filter(([, count]) => count > 0)
    .sort(([codeA, a], [codeB, b]) => b - a || codeA.localeCompare(codeB, "en"));
}

/** The stakeholder types it has texts of, most first, ties by their label: the rows of its table by type. */
export function stakeholderSpread(theme: Theme): [StakeholderType, number][] {
  return (Object.entries(theme.byStakeholderType) as [StakeholderType, number][])
    .filter(([, count]) => count > 0)
    .sort(([typeA, a], [typeB, b]) => b - a || STAKEHOLDER_TYPE_LABELS[typeA].localeCompare(STAKEHOLDER_TYPE_LABELS[typeB], "en"));
}

/** The language most of its texts are in: its label's (the engine names a theme in its largest language). */
export function dominantLanguage(theme: Theme): string | undefined {
  return languagesByCount(theme)[0]?.[0];
}

/** Its only language, when all its texts are in one: what its terms and quotes are written in. */
export function onlyLanguage(theme: Theme): string | undefined {
  const languages = languagesByCount(theme);
  return languages.length === 1 ? languages[0]?.[0] : undefined;
}

export const STEERED_MARK = "Adjusted by moderators";

export function seedWords(seeds: string[]): string {
  return `Seed words given by moderators: ${seeds.join(", ")}`;
}

/** Where in its contribution a quote is, after the contribution's reference: "title", "text", or the attachment and page. */
export function quotePlace(source: TextSource, noun: ThemeNoun): string {
  switch (source.kind) {
    case "title":
      return "title";
    case "body":
      return noun === "answers" ? "answer" : "text";
    case "attachment":
      return `attachment ${source.fileName}, page ${formatCount(source.page)}`;
  }
}

export const NOT_THEMED_HEADING = "Not themed";

/** How many are in no theme, of what: counted like themes, each group of near-identical texts once. */
export function notThemedSummary(summary: ThemeSummary, noun: ThemeNoun): string {
  const { count, share } = summary.notThemed;
  const whole = summary.groupCount < summary.documentCount ? `${formatCount(summary.groupCount)} distinct ${noun}` : countOf(summary.documentCount, noun);
  return `${formatCount(count)} of the ${whole} (${formatShare(share)}) ${count === 1 ? "is" : "are"} in no theme; they still count in every figure.`;
}

/** Each reason in a few words and what it means, in the order they are listed. */
export const NOT_THEMED_REASON_WORDING: Record<NotThemedReason, { label: string; explanation: (noun: ThemeNoun) => string }> = {
  onlyBoilerplate: { label: "Only boilerplate", explanation: () => "cover notes, greetings or introductions, with nothing else to theme." },
  tooLittleText: { label: "Too little text", explanation: () => "too little text to place in a theme." },
  belongsNowhere: { label: "Belongs to no theme", explanation: () => "sharing too little with any theme to be placed in one." },
  fewInLanguage: {
    label: "Few in its language",
    explanation: (noun) => `written in a language with too few ${noun} for themes of its own, and sharing no term with a theme.`,
  },
  setAside: { label: "Set aside by moderators", explanation: () => "taken out of the themes by the moderators." },
};

/** "Only boilerplate (3): cover notes, …" for each reason that applies, in the order of NOT_THEMED_REASONS. */
export function notThemedReasons(summary: ThemeSummary, noun: ThemeNoun): { reason: NotThemedReason; text: string }[] {
  return NOT_THEMED_REASONS.filter((reason) => summary.notThemed.byReason[reason] > 0).map((reason) => {
    const { label, explanation } = NOT_THEMED_REASON_WORDING[reason];
    return { reason, text: `${label} (${formatCount(summary.notThemed.byReason[reason])}): ${explanation(noun)}` };
  });
}

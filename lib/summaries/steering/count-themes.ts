import "server-only";
import { StakeholderType } from "@/lib/generated/prisma/enums";
import type { DocumentIndex } from "@/lib/summaries/steering/index-documents";
import { compare } from "@/lib/summaries/themes/engine/describe-theme";
import { NOT_THEMED_REASONS, type NotThemed, type NotThemedReason, type Theme, type ThemeGroup, type ThemePlacement, type ThemeQuote, type ThemeSummary } from "@/lib/summaries/themes/types";

// A theme while steering is applied: what describes it. Who is in it lives
// in the placements only, so that a step changes one thing and the figures
// are counted from it once, at the end.
export type WorkTheme = {
  key: string;
  label: string;
  terms: string[];
  quotes: ThemeQuote[];
  steered: boolean;
  seeds?: string[];
  subthemes: WorkTheme[];
};

type Tally = {
  members: Set<string>;
  groups: Map<string, number>;
  languages: Record<string, number>;
  byStakeholderType: Record<StakeholderType, number>;
};

/** The key of a sub-theme's tally, apart from any theme key. */
export function subthemeTally(themeKey: string, subthemeKey: string): string {
  return `${themeKey}\u0001${subthemeKey}`;
}

/**
 * The figures of every theme and of the not themed, counted from the
 * placements as the engine counts them (find-themes.ts): a group of
 * near-identical texts once in `size`, by its first member in id order for
 * languages and stakeholder types, every member in `contributionCount`.
 * Themes and sub-themes left with no member are gone; quotes of
 * contributions no longer in their theme are dropped.
 */
export function countThemes(themes: readonly WorkTheme[], placements: ReadonlyMap<string, ThemePlacement>, documents: DocumentIndex, totals: Pick<ThemeSummary, "documentCount" | "groupCount">): ThemeSummary {
  const tallies = new Map<string, Tally>();
  const add = (key: string, id: string, group: string, language: string, type: StakeholderType) => {
    let tally = tallies.get(key);
    if (!tally) tallies.set(key, (tally = { members: new Set(), groups: new Map(), languages: {}, byStakeholderType: emptyStakeholderCounts() }));
    tally.members.add(id);
    const seen = tally.groups.get(group);
    tally.groups.set(group, (seen ?? 0) + 1);
    if (seen !== undefined) return;
    tally.languages[language] = (tally.languages[language] ?? 0) + 1;
    tally.byStakeholderType[type] += 1;
  };
  const byReason = Object.fromEntries(NOT_THEMED_REASONS.map((reason) => [reason, 0])) as Record<NotThemedReason, number>;
  const notThemed: NotThemed = { count: 0, share: 0, byStakeholderType: emptyStakeholderCounts(), byReason };
  const notThemedGroups = new Set<string>();
  for (const document of documents.ordered) {
    const placement = placements.get(document.id);
    if (!placement) continue;
    const group = documents.groupOf(document);
    if ("reason" in placement) {
      if (notThemedGroups.has(group)) continue;
      notThemedGroups.add(group);
      notThemed.count += 1;
      notThemed.byReason[placement.reason] += 1;
      notThemed.byStakeholderType[document.stakeholderType] += 1;
      continue;
    }
    const language = documents.languageOf(document);
    for (const entry of placement.themes) {
      add(entry.key, document.id, group, language, document.stakeholderType);
      if (entry.subtheme !== undefined) add(subthemeTally(entry.key, entry.subtheme), document.id, group, language, document.stakeholderType);
    }
  }
  notThemed.share = share(notThemed.count, totals.groupCount);

  const figures = (theme: WorkTheme, tallyKey: string, subthemes: Theme[]): Theme | null => {
    const tally = tallies.get(tallyKey);
    if (!tally) return null;
    const groups: ThemeGroup[] = [...tally.groups]
      .filter(([groupId, size]) => size >= 2 && !groupId.startsWith("\u0000"))
      .map(([groupId, size]) => ({ groupId, size }))
      .sort((a, b) => b.size - a.size || compare(a.groupId, b.groupId));
    return {
      key: theme.key,
      label: theme.label,
      terms: theme.terms,
      size: tally.groups.size,
      contributionCount: tally.members.size,
      share: share(tally.groups.size, totals.groupCount),
      languages: tally.languages,
      byStakeholderType: tally.byStakeholderType,
      groups,
      quotes: theme.quotes.filter((quote) => tally.members.has(quote.contributionId)),
      subthemes,
      steered: theme.steered,
      ...(theme.seeds ? { seeds: theme.seeds } : {}),
    };
  };
  const counted = themes.flatMap((theme) => {
    const subthemes = theme.subthemes.flatMap((sub) => figures(sub, subthemeTally(theme.key, sub.key), []) ?? []);
    return figures(theme, theme.key, largestFirst(subthemes)) ?? [];
  });
  return { documentCount: totals.documentCount, groupCount: totals.groupCount, themes: largestFirst(counted), notThemed };
}

function largestFirst(themes: Theme[]): Theme[] {
  return themes.sort((a, b) => b.size - a.size || compare(a.label, b.label));
}

function share(count: number, groupCount: number): number {
  return groupCount > 0 ? count / groupCount : 0;
}

function emptyStakeholderCounts(): Record<StakeholderType, number> {
  return Object.fromEntries(Object.values(StakeholderType).map((type) => [type, 0])) as Record<StakeholderType, number>;
}

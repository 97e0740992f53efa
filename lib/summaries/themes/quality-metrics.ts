// How good a set of themes is against hand labels (issue 11, item 5): the
// measures of bench/theme-quality.ts and of the unit tests. Pure functions
// over ids, with no server-only import, so that a benchmark, a test or a
// script can use them alike.
//
// A theme is given as its ranked members (best first). An engine may place
// a document in several themes (long position papers cover several
// issues); the measures that need one theme per document (NMI, purity)
// take the theme where it ranks highest (hardAssignment).

export type ScoredTheme = { key: string; rankedMemberIds: readonly string[] };

/** "Known issues recovered": a theme's top documents are its first min(TOP_DOCUMENTS, size) ranked members. */
export const TOP_DOCUMENTS = 10;
/** …and an issue is recovered when some theme's top documents are at least this share of it (by primary label). */
export const RECOVERED_SHARE = 0.7;
/** A language theme: at least this share of its members in one language… */
/** A language of less than this share of all documents is a minority one. */
export const MINORITY_SHARE = 0.5;
export const LANGUAGE_THEME_SHARE = 0.9;
/** A boilerplate theme: at least this share of its top documents carry no substance (cover note, introduction only). */
export const BOILERPLATE_THEME_SHARE = 0.6;

/**
 * One theme per document: the theme in which it has the best (lowest) rank;
 * on a tie, the theme given first. Documents in no theme are absent.
 */
export function hardAssignment(themes: readonly ScoredTheme[]): Map<string, string> {
  const best = new Map<string, { key: string; rank: number }>();
  for (const theme of themes) {
    theme.rankedMemberIds.forEach((id, rank) => {
      const current = best.get(id);
      if (!current || rank < current.rank) best.set(id, { key: theme.key, rank });
    });
  }
  return new Map([...best].map(([id, { key }]) => [id, key]));
}

/** The contingency table of clusters × classes over the documents that have both, with its margins. */
function contingency(clusterOf: ReadonlyMap<string, string>, classOf: ReadonlyMap<string, string>) {
  const cells = new Map<string, Map<string, number>>();
  const clusterSizes = new Map<string, number>();
  const classSizes = new Map<string, number>();
  let n = 0;
  for (const [id, cluster] of clusterOf) {
    const label = classOf.get(id);
    if (label === undefined) continue;
    n += 1;
    let row = cells.get(cluster);
    if (!row) cells.set(cluster, (row = new Map()));
    row.set(label, (row.get(label) ?? 0) + 1);
    clusterSizes.set(cluster, (clusterSizes.get(cluster) ?? 0) + 1);
    classSizes.set(label, (classSizes.get(label) ?? 0) + 1);
  }
  return { cells, clusterSizes, classSizes, n };
}

function entropy(sizes: Iterable<number>, n: number): number {
  let h = 0;
  for (const size of sizes) if (size > 0) h -= (size / n) * Math.log(size / n);
  return h;
}

/**
 * Normalised mutual information of a clustering against class labels,
 * with the arithmetic mean of the two entropies as the normaliser
 * (I(U;V) / ((H(U) + H(V)) / 2), scikit-learn's default). Computed over the
 * documents that are both clustered and labelled; 1 when both put every
 * such document in one group (nothing to tell apart, nothing told apart
 * wrongly), 0 when there is no such document.
 */
export function normalisedMutualInformation(clusterOf: ReadonlyMap<string, string>, classOf: ReadonlyMap<string, string>): number {
  const { cells, clusterSizes, classSizes, n } = contingency(clusterOf, classOf);
  if (n === 0) return 0;
  if (clusterSizes.size === 1 && classSizes.size === 1) return 1;
  let mutual = 0;
  for (const [cluster, row] of cells) {
    const a = clusterSizes.get(cluster) as number;
    for (const [label, count] of row) {
      const b = classSizes.get(label) as number;
      mutual += (count / n) * Math.log((count * n) / (a * b));
    }
  }
  const mean = (entropy(clusterSizes.values(), n) + entropy(classSizes.values(), n)) / 2;
  // mean > 0 here: at least one side has two groups. Rounding can leave a hair below 0.
  return Math.max(0, mutual / mean);
}

/** Purity: the share of documents (clustered and labelled) that carry their cluster's most frequent label; 0 when there are none. */
export function purity(clusterOf: ReadonlyMap<string, string>, classOf: ReadonlyMap<string, string>): number {
  const { cells, n } = contingency(clusterOf, classOf);
  if (n === 0) return 0;
  let majority = 0;
  for (const row of cells.values()) majority += Math.max(...row.values());
  return majority / n;
}

/** The first min(TOP_DOCUMENTS, size) ranked members of a theme. */
export function topDocuments(theme: ScoredTheme, top = TOP_DOCUMENTS): readonly string[] {
  return theme.rankedMemberIds.slice(0, Math.min(top, theme.rankedMemberIds.length));
}

export type ThemeMajority = { key: string; label: string | null; share: number };

/**
 * The label most of a theme's top documents carry, and its share of them
 * (unlabelled documents count in the denominator: a theme of off-topic
 * texts and two on an issue is not that issue's theme). Ties go to the
 * label that sorts first.
 */
export function themeMajority(theme: ScoredTheme, classOf: ReadonlyMap<string, string>, top = TOP_DOCUMENTS): ThemeMajority {
  const documents = topDocuments(theme, top);
  const counts = new Map<string, number>();
  for (const id of documents) {
    const label = classOf.get(id);
    if (label !== undefined) counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  let label: string | null = null;
  let count = 0;
  for (const [candidate, n] of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (n > count) [label, count] = [candidate, n];
  }
  return { key: theme.key, label, share: documents.length > 0 ? count / documents.length : 0 };
}

/**
 * Which of the known issues some theme recovers: its top documents are at
 * least RECOVERED_SHARE that issue (by primary label). Returned in the
 * order of `issues`.
 */
export function recoveredIssues(themes: readonly ScoredTheme[], classOf: ReadonlyMap<string, string>, issues: readonly string[], options: { top?: number; share?: number } = {}): string[] {
  const share = options.share ?? RECOVERED_SHARE;
  const found = new Set<string>();
  for (const theme of themes) {
    const majority = themeMajority(theme, classOf, options.top);
    if (majority.label !== null && majority.share >= share) found.add(majority.label);
  }
  return issues.filter((issue) => found.has(issue));
}

/**
 * Themes that are a language rather than a subject: at least
 * LANGUAGE_THEME_SHARE of their members share one language, and that
 * language is a minority of all the documents (less than half), as "the
 * French contributions" and "the German ones" were on the real
 * consultation. A theme of the majority language is a subject written
 * mostly in it; whether the other languages joined it shows in NMI and
 * purity. `languageOf` holds every document given to the engine.
 */
export function languageThemes(themes: readonly ScoredTheme[], languageOf: ReadonlyMap<string, string>, share = LANGUAGE_THEME_SHARE): string[] {
  const overall = shares([...languageOf.values()]);
  return themes
    .filter((theme) => {
      const languages = theme.rankedMemberIds.map((id) => languageOf.get(id)).filter((language): language is string => language !== undefined);
      if (languages.length === 0) return false;
      const [language, inTheme] = top(shares(languages));
      return inTheme >= share && (overall.get(language) ?? 0) < MINORITY_SHARE;
    })
    .map((theme) => theme.key);
}

/**
 * Themes made of boilerplate: at least BOILERPLATE_THEME_SHARE of their top
 * documents are documents without substance as the engine saw them (the
 * caller says which: a cover note alone, a self-introduction, a scan's
 * cover note).
 */
export function boilerplateThemes(themes: readonly ScoredTheme[], isBoilerplate: (id: string) => boolean, share = BOILERPLATE_THEME_SHARE, topCount = TOP_DOCUMENTS): string[] {
  return themes
    .filter((theme) => {
      const documents = topDocuments(theme, topCount);
      return documents.length > 0 && documents.filter(isBoilerplate).length / documents.length >= share;
    })
    .map((theme) => theme.key);
}

function shares(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return new Map([...counts].map(([value, count]) => [value, count / values.length]));
}

function top(values: Map<string, number>): [string, number] {
  let best: [string, number] = ["", 0];
  for (const entry of values) if (entry[1] > best[1]) best = entry;
  return best;
}

export type ThemeQuality = {
  themes: number;
  /** Over the documents in some theme that carry a label. */
  nmi: number;
  purity: number;
  /** Documents in no theme, of all the documents given. */
  unthemedShare: number;
  recovered: string[];
  boilerplateThemes: string[];
  languageThemes: string[];
};

export type QualityInput = {
  themes: readonly ScoredTheme[];
  /** Every document given to the engine. */
  documentIds: readonly string[];
  /** The label of each labelled document (primary issue or topic); documents left out count in no measure of agreement. */
  labelOf: ReadonlyMap<string, string>;
  /** The issues or topics to recover. */
  issues: readonly string[];
  languageOf: ReadonlyMap<string, string>;
  isBoilerplate: (id: string) => boolean;
};

/** Every measure of the report for one engine on one data set. */
export function measureThemeQuality(input: QualityInput): ThemeQuality {
  const assignment = hardAssignment(input.themes);
  const unthemed = input.documentIds.filter((id) => !assignment.has(id)).length;
  return {
    themes: input.themes.length,
    nmi: normalisedMutualInformation(assignment, input.labelOf),
    purity: purity(assignment, input.labelOf),
    unthemedShare: input.documentIds.length > 0 ? unthemed / input.documentIds.length : 0,
    recovered: recoveredIssues(input.themes, input.labelOf, input.issues),
    boilerplateThemes: boilerplateThemes(input.themes, input.isBoilerplate),
    languageThemes: languageThemes(input.themes, input.languageOf),
  };
}

import "server-only";
import { StakeholderType } from "@/lib/generated/prisma/enums";
import { buildTermVectors, compareStrings, type TermVectors } from "@/bench/legacy-themes/build-term-vectors";
import { clusterDocuments, smallestTheme, MIN_THEME_SIZE } from "@/bench/legacy-themes/cluster-documents";
import { countTerms, type TermCounts } from "@/bench/legacy-themes/count-terms";
import { excerptOf } from "@/bench/legacy-themes/excerpt";
import { languageTools, type LanguageTools } from "@/lib/summaries/themes/engine/language-tools";
import type { Clustering } from "@/bench/legacy-themes/spherical-k-means";
import { tokenise } from "@/bench/legacy-themes/tokenise";
import type { Theme, ThemeDocument, ThemeOptions, ThemeQuote, ThemeSummary, UnplacedDocuments, UnplacedReason } from "@/bench/legacy-themes/types";

// Themes computed here, with no outside service (issue 5): per language,
// words → stop words out → Snowball stems → TF-IDF → spherical k-means with
// the number of themes chosen by silhouette (cluster-documents.ts) → key
// terms from what sets each centroid apart → quotes from the documents
// nearest to it.
//
// Themes are language-bound: "cycle lane" and "piste cyclable" share no
// term, so English and French contributions on one subject make two themes,
// each marked with its language. Clustering all languages together would not
// merge them either, only pile the smaller languages into "everything in
// French" themes; apart, each language gets themes of its own subjects.
// Nothing cheap bridges languages soundly (a shared stem across languages is
// as often a false friend as a cognate).
//
// The same documents give the same themes in any order: they are sorted by
// id first, and every later tie is broken by that order.

export type ThemeAssignment = ThemeSummary & {
  /** The theme key of each placed document, by document id; documents in no theme are absent. */
  themeKeyById: Map<string, string>;
  /** Why each document in no theme is there, by document id. */
  unplacedReasonById: Map<string, UnplacedReason>;
};

const DEFAULTS: Required<ThemeOptions> = { maxThemesPerLanguage: 8, termsPerTheme: 8, quotesPerTheme: 3, excerptLength: 200 };
const LIMITS: Record<keyof ThemeOptions, [number, number]> = {
  maxThemesPerLanguage: [1, 20],
  termsPerTheme: [1, 50],
  quotesPerTheme: [0, 10],
  excerptLength: [40, 2_000],
};
// Two themes' worth: fewer documents in a language are listed, not grouped.
const MIN_LANGUAGE_DOCUMENTS = 2 * MIN_THEME_SIZE;
// Nearest documents considered for quotes: more than shown, so that two
// contributions quoting the same sentence are quoted once.
const QUOTE_CANDIDATES_FACTOR = 3;

export function assignThemes(documents: readonly ThemeDocument[], options: ThemeOptions = {}): ThemeAssignment {
  const settings = readOptions(options);
  const order = documents.map((_, index) => index).sort((a, b) => compareDocuments(documents[a] as ThemeDocument, documents[b] as ThemeDocument));
  const groups = new Map<string, number[]>();
  for (const index of order) {
    const language = normaliseLanguage((documents[index] as ThemeDocument).language);
    const group = groups.get(language);
    if (group) group.push(index);
    else groups.set(language, [index]);
  }

  const unplaced = emptyUnplaced();
  const unplacedReasonById = new Map<string, UnplacedReason>();
  const leave = (index: number, reason: UnplacedReason) => {
    unplacedReasonById.set((documents[index] as ThemeDocument).id, reason);
    unplaced.count += 1;
    unplaced.byReason[reason] += 1;
    unplaced.byStakeholderType[(documents[index] as ThemeDocument).stakeholderType] += 1;
  };
  const themeOf = new Int32Array(documents.length).fill(-1);
  const themes: Theme[] = [];

  for (const language of [...groups.keys()].sort(compareStrings)) {
    const members = groups.get(language) as number[];
    if (members.length < MIN_LANGUAGE_DOCUMENTS) {
      for (const index of members) leave(index, "fewInLanguage");
      continue;
    }
    const tools = languageTools(language);
    const counts = countTerms(
      members.map((index) => (documents[index] as ThemeDocument).text),
      tools,
    );
    const vectors = buildTermVectors(counts);
    const rows: number[] = [];
    members.forEach((index, row) => {
      if ((vectors.offsets[row + 1] as number) > (vectors.offsets[row] as number)) rows.push(row);
      else leave(index, "noDistinctiveWords");
    });
    if (rows.length < MIN_LANGUAGE_DOCUMENTS) {
      for (const row of rows) leave(members[row] as number, "fewInLanguage");
      continue;
    }
    const clusters = clusterDocuments(vectors, Int32Array.from(rows), { maxClusters: settings.maxThemesPerLanguage });
    const described = describeClusters({ language, documents, members, rows, tools, counts, vectors, clusters, settings, total: documents.length });
    rows.forEach((row, i) => {
      const theme = described.themeOfCluster[clusters.labels[i] as number] as number;
      if (theme < 0) leave(members[row] as number, "smallGroup");
      else themeOf[members[row] as number] = themes.length + theme;
    });
    themes.push(...described.themes);
  }

  // Largest first; the key breaks ties, and keys stay unique even if two
  // themes of a language were to start with the same terms.
  const ranked = [...themes].sort((a, b) => b.size - a.size || compareStrings(a.key, b.key));
  const used = new Set<string>();
  for (const theme of ranked) {
    let key = theme.key;
    for (let n = 2; used.has(key); n += 1) key = `${theme.key}-${n}`;
    used.add(key);
    theme.key = key;
  }
  const themeKeyById = new Map<string, string>();
  for (const index of order) {
    const theme = themes[themeOf[index] as number];
    if (theme) themeKeyById.set((documents[index] as ThemeDocument).id, theme.key);
  }
  unplaced.share = shareOf(unplaced.count, documents.length);
  return { documentCount: documents.length, themes: ranked, unplaced, themeKeyById, unplacedReasonById };
}

type DescribeInput = {
  language: string;
  documents: readonly ThemeDocument[];
  /** Document indexes of this language in id order; vector row r is members[r]. */
  members: number[];
  /** The rows that were clustered; clusters.labels[i] is the cluster of rows[i]. */
  rows: number[];
  tools: LanguageTools;
  counts: TermCounts;
  vectors: TermVectors;
  clusters: Clustering;
  settings: Required<ThemeOptions>;
  total: number;
};

/** Themes of one language's clusters; themeOfCluster is -1 for a cluster too small to be one. */
function describeClusters(input: DescribeInput): { themes: Theme[]; themeOfCluster: number[] } {
  const { clusters, vectors, rows, members, documents, settings } = input;
  const k = clusters.k;
  const columns = vectors.columns;
  const sizes = new Int32Array(k);
  const sums = new Float64Array(columns * k);
  const totals = new Float64Array(columns);
  const byType = Array.from({ length: k }, emptyStakeholderCounts);
  const candidates: number[][] = Array.from({ length: k }, () => []);
  const candidateCount = settings.quotesPerTheme * QUOTE_CANDIDATES_FACTOR;

  rows.forEach((row, i) => {
    const c = clusters.labels[i] as number;
    sizes[c] = (sizes[c] as number) + 1;
    const types = byType[c] as Record<StakeholderType, number>;
    types[(documents[members[row] as number] as ThemeDocument).stakeholderType] += 1;
    for (let p = vectors.offsets[row] as number; p < (vectors.offsets[row + 1] as number); p += 1) {
      const column = vectors.indices[p] as number;
      const value = vectors.values[p] as number;
      sums[column * k + c] = (sums[column * k + c] as number) + value;
      totals[column] = (totals[column] as number) + value;
    }
    keepNearest(candidates[c] as number[], i, clusters.similarity, candidateCount);
  });

  const smallest = smallestTheme(rows.length);
  const themes: Theme[] = [];
  const themeOfCluster: number[] = [];
  for (let c = 0; c < k; c += 1) {
    const size = sizes[c] as number;
    if (size < smallest) {
      themeOfCluster.push(-1);
      continue;
    }
    const terms = keyTerms(input, c, sizes, sums, totals);
    const words = input.counts.readableForms(terms.map((term) => term.termId));
    const weights = new Map(terms.map((term) => [input.counts.terms[term.termId] as string, term.score]));
    themeOfCluster.push(themes.length);
    themes.push({
      key: [input.language, ...words.slice(0, 3).map((word) => input.tools.lowercase(word))].join("-"),
      language: input.language,
      terms: words,
      size,
      share: shareOf(size, input.total),
      byStakeholderType: byType[c] as Record<StakeholderType, number>,
      quotes: quotes(input, candidates[c] as number[], weights),
    });
  }
  return { themes, themeOfCluster };
}

/**
 * Keeps `nearest` the `limit` row positions of highest similarity, highest
 * first. Rows come in id order, so among equally near documents the first
 * id stays.
 */
function keepNearest(nearest: number[], i: number, similarity: Float64Array, limit: number): void {
  const value = similarity[i] as number;
  let at = nearest.length;
  while (at > 0 && value > (similarity[nearest[at - 1] as number] as number)) at -= 1;
  if (at >= limit) return;
  nearest.splice(at, 0, i);
  if (nearest.length > limit) nearest.pop();
}

/**
 * The terms that set a cluster apart: its mean weight minus the mean weight
 * in the rest of the language's documents. A word everybody uses has a high
 * mean in every cluster and scores near zero; with a single cluster there is
 * no rest and the mean alone ranks the terms.
 */
function keyTerms(input: DescribeInput, c: number, sizes: Int32Array, sums: Float64Array, totals: Float64Array): { termId: number; score: number }[] {
  const k = input.clusters.k;
  const size = sizes[c] as number;
  const rest = input.rows.length - size;
  const scored: { column: number; score: number }[] = [];
  for (let column = 0; column < input.vectors.columns; column += 1) {
    const inside = sums[column * k + c] as number;
    if (inside === 0) continue;
    const score = inside / size - (rest > 0 ? ((totals[column] as number) - inside) / rest : 0);
    if (score > 0) scored.push({ column, score });
  }
  const stem = (column: number) => input.counts.terms[input.vectors.vocabulary[column] as number] as string;
  scored.sort((a, b) => b.score - a.score || compareStrings(stem(a.column), stem(b.column)));
  return scored.slice(0, input.settings.termsPerTheme).map(({ column, score }) => ({ termId: input.vectors.vocabulary[column] as number, score }));
}

function quotes(input: DescribeInput, candidates: number[], weights: Map<string, number>): ThemeQuote[] {
  const score = (sentence: string) => {
    let sum = 0;
    for (const word of tokenise(sentence, input.tools)) {
      const term = input.tools.termOf(word);
      if (term !== null) sum += weights.get(term) ?? 0;
    }
    return sum;
  };
  const chosen: ThemeQuote[] = [];
  for (const i of candidates) {
    if (chosen.length === input.settings.quotesPerTheme) break;
    const document = input.documents[input.members[input.rows[i] as number] as number] as ThemeDocument;
    const excerpt = excerptOf(document.text, input.language, score, input.settings.excerptLength);
    if (excerpt === "" || chosen.some((quote) => quote.excerpt === excerpt)) continue;
    chosen.push({ contributionId: document.id, reference: document.reference, excerpt });
  }
  return chosen;
}

function readOptions(options: ThemeOptions): Required<ThemeOptions> {
  const settings = { ...DEFAULTS };
  for (const name of Object.keys(LIMITS) as (keyof ThemeOptions)[]) {
    const value = options[name];
    if (value === undefined) continue;
    const [min, max] = LIMITS[name];
    if (!Number.isInteger(value) || value < min || value > max) throw new RangeError(`${name} must be a whole number from ${min} to ${max} (got ${value}).`);
    settings[name] = value;
  }
  return settings;
}

function compareDocuments(a: ThemeDocument, b: ThemeDocument): number {
  return compareStrings(a.id, b.id) || compareStrings(a.reference, b.reference) || compareStrings(a.text, b.text);
}

/** A code the segmenters accept; anything else is "und" (undetermined), grouped but neither stemmed nor filtered. */
function normaliseLanguage(language: string): string {
  const code = language.trim().toLowerCase();
  return /^[a-z]{2,3}$/.test(code) ? code : "und";
}

function emptyStakeholderCounts(): Record<StakeholderType, number> {
  return Object.fromEntries(Object.values(StakeholderType).map((type) => [type, 0])) as Record<StakeholderType, number>;
}

function emptyUnplaced(): UnplacedDocuments {
  return { count: 0, share: 0, byStakeholderType: emptyStakeholderCounts(), byReason: { fewInLanguage: 0, noDistinctiveWords: 0, smallGroup: 0 } };
}

function shareOf(count: number, total: number): number {
  return total > 0 ? count / total : 0;
}

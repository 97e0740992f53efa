import { StakeholderType } from "@/lib/generated/prisma/enums";
import { classScores, compare, labelOf, quotesOf, type FeatureScores } from "@/lib/summaries/themes/engine/describe-theme";
import { findBoilerplate, SENTENCE_KIND } from "@/lib/summaries/themes/engine/find-boilerplate";
import { factorise, silhouette, type SparseRows } from "@/lib/summaries/themes/engine/nmf";
import { readTexts, type ReadTexts } from "@/lib/summaries/themes/engine/read-texts";
import type { EngineOptions, EngineResult, EngineTheme, NotThemed, NotThemedReason, Placement, ThemeInput } from "@/lib/summaries/themes/engine/types";

// The theme engine (decision record 0014). In order:
// 1. read: every title, body and attachment page cut into sentences with
//    their features (read-texts.ts);
// 2. boilerplate out of the vectors (find-boilerplate.ts);
// 3. one representative per group of near-identical texts: a campaign or a
//    joint paper is one voice in the themes, and counted once in their size;
// 4. per language with enough contributions, NMF of the TF-IDF of words and
//    phrases, the number of themes chosen by silhouette; a theme holding too
//    much is split by its own sub-themes; two levels;
// 5. languages: themes of two languages that share their bridge features
//    (acronyms, article numbers, cognates) merge; a contribution in a
//    language with too few contributions to have themes of its own is
//    placed by those features, or left out with that reason;
// 6. labels and quotes (describe-theme.ts).

const DEFAULTS = { maxThemes: 12, termsPerTheme: 8, quotesPerTheme: 3 };
/** A theme needs at least this many groups, and 1 % of them beyond 300. */
const MIN_THEME_GROUPS = 3;
/** A language needs this many groups to have themes of its own; fewer are placed by shared terms. */
const OWN_THEMES_MIN_GROUPS = 25;
/** Fewer distinct content words than this is too little text to place. */
const MIN_CONTENT_WORDS = 4;
/** A contribution is in every theme that holds at least this share of it. */
const MEMBER_SHARE = 0.25;
const MAX_THEMES_PER_CONTRIBUTION = 3;
/**
 * A theme holding more than this share of its language's groups, and more
 * than twice an even share (1 / the number of themes), is split if it has
 * sub-themes: a catch-all holds far more than the others, while three
 * themes of a third each are three subjects, not one too broad.
 */
const BROAD_SHARE = 0.3;
/** A contribution whose best theme is less like it than this fraction of the median contribution's belongs nowhere. */
const NOWHERE_FRACTION = 0.35;
/** A contribution placed by shared terms needs a best theme this far ahead of the next, and this much likeness at least. */
const FOLD_IN_MARGIN = 1.5;
const FOLD_IN_MIN = 0.05;
/** Themes of two languages merge when their bridge profiles are at least this alike, each the other's nearest. */
const MERGE_SIMILARITY = 0.5;
const MAX_SUBTHEMES = 5;
/** A split is kept when its silhouette shows some structure, and each sub-theme holds this share of its theme. */
const MIN_SPLIT_SILHOUETTE = 0.02;
const MIN_SUBTHEME_SHARE = 0.08;
const SILHOUETTE_SAMPLE = 2_000;
const SELECTION_ITERATIONS = 40;
/** chooseK takes the fewest themes whose silhouette reaches this share of the best. */
const K_TOLERANCE = 0.9;
/** Rows the number of themes is chosen on (all of them below this). */
const SELECTION_ROWS = 5_000;
const FEATURE_MAX_SHARE = 0.5;
const MAX_FEATURES = 30_000;

type WorkTheme = {
  language: string;
  /** Representative documents → weight (before renormalising). */
  members: Map<number, number>;
  /** Unit profile over the language's matrix columns. */
  profile: Float64Array | null;
  subthemes: WorkTheme[];
};

export function findThemes(input: readonly ThemeInput[], options: EngineOptions = {}): EngineResult {
  const settings = { ...DEFAULTS, ...definedOnly(options) };
  const progress = options.onProgress ?? (() => undefined);
  const documents = [...input].sort((a, b) => compare(a.id, b.id));
  const n = documents.length;

  // Groups: each group's members, and its representative (its fullest text).
  const groupIndex = new Map<string, number>();
  const groupOfDoc = new Int32Array(n);
  documents.forEach((document, doc) => {
    const key = document.groupId ?? `\u0000${document.id}`;
    let index = groupIndex.get(key);
    if (index === undefined) groupIndex.set(key, (index = groupIndex.size));
    groupOfDoc[doc] = index;
  });
  const groupCount = groupIndex.size;

  progress(0, "reading");
  const texts = readTexts(documents, (done) => {
    if (done % 200 === 0) progress(0.4 * (done / Math.max(1, n)), "reading");
  });
  const kinds = findBoilerplate(texts.sentences, (doc) => groupOfDoc[doc] as number);
  const boilerplate = { repeated: 0, frame: 0, pageFurniture: 0 };
  for (const kind of kinds) {
    if (kind === SENTENCE_KIND.repeated) boilerplate.repeated += 1;
    else if (kind === SENTENCE_KIND.frame) boilerplate.frame += 1;
    else if (kind === SENTENCE_KIND.pageFurniture) boilerplate.pageFurniture += 1;
  }
  progress(0.45, "boilerplate");

  // Each document's content: feature counts, bridge counts and language.
  const docFeatures: Map<number, number>[] = [];
  const docBridges: Map<number, number>[] = [];
  const docLanguage: string[] = [];
  const reason = new Map<number, NotThemedReason>();
  for (let doc = 0; doc < n; doc += 1) {
    const features = new Map<number, number>();
    const bridges = new Map<number, number>();
    const byLanguage = new Map<string, number>();
    let sentences = 0;
    let content = 0;
    // A title alone is not enough to place a contribution whose text is all boilerplate.
    let textSentences = 0;
    let textContent = 0;
    const words = new Set<number>();
    for (let s = texts.sentenceStart[doc] as number; s < (texts.sentenceStart[doc + 1] as number); s += 1) {
      const sentence = texts.sentences[s];
      if (!sentence) continue;
      const inText = documents[doc]?.parts[sentence.part]?.source.kind !== "title";
      sentences += 1;
      if (inText) textSentences += 1;
      if (kinds[s] !== SENTENCE_KIND.content) continue;
      content += 1;
      if (inText) textContent += 1;
      for (const feature of sentence.features) {
        features.set(feature, (features.get(feature) ?? 0) + 1);
        if (texts.features.lengths[feature] === 1) {
          words.add(feature);
          byLanguage.set(sentence.language, (byLanguage.get(sentence.language) ?? 0) + 1);
        }
      }
      for (const bridge of sentence.bridges) bridges.set(bridge, (bridges.get(bridge) ?? 0) + 1);
    }
    docFeatures.push(features);
    docBridges.push(bridges);
    docLanguage.push([...byLanguage].sort((a, b) => b[1] - a[1] || compare(a[0], b[0]))[0]?.[0] ?? "und");
    if ((sentences > 0 && content === 0) || (textSentences > 0 && textContent === 0)) reason.set(doc, "onlyBoilerplate");
    else if (words.size < MIN_CONTENT_WORDS) reason.set(doc, sentences > 2 * content ? "onlyBoilerplate" : "tooLittleText");
  }

  // Representatives: per group, the member with the most content.
  const representative = new Int32Array(groupCount).fill(-1);
  for (let doc = 0; doc < n; doc += 1) {
    const group = groupOfDoc[doc] as number;
    const current = representative[group] as number;
    if (reason.has(doc)) continue;
    if (current < 0 || (docFeatures[doc] as Map<number, number>).size > (docFeatures[current] as Map<number, number>).size) representative[group] = doc;
  }
  const reps = [...representative].filter((doc) => doc >= 0).sort((a, b) => a - b);
  const repsByLanguage = new Map<string, number[]>();
  for (const doc of reps) {
    const language = docLanguage[doc] as string;
    const list = repsByLanguage.get(language);
    if (list) list.push(doc);
    else repsByLanguage.set(language, [doc]);
  }
  const minTheme = Math.max(MIN_THEME_GROUPS, Math.ceil(0.01 * reps.length));
  let ownLanguages = [...repsByLanguage].filter(([, docs]) => docs.length >= OWN_THEMES_MIN_GROUPS).map(([language]) => language);
  if (ownLanguages.length === 0) {
    const [largest] = [...repsByLanguage].sort((a, b) => b[1].length - a[1].length || compare(a[0], b[0]));
    if (largest && largest[1].length >= 2 * minTheme) ownLanguages = [largest[0]];
  }
  ownLanguages.sort(compare);

  // 4. Themes of each language with enough contributions.
  const themes: WorkTheme[] = [];
  const fitted = new Set<number>();
  ownLanguages.forEach((language, index) => {
    const docs = repsByLanguage.get(language) as number[];
    const matrix = buildMatrix(docs, docFeatures, texts, language);
    const found = themesOf(matrix, docs, language, settings.maxThemes, minTheme, reason);
    for (const theme of found) {
      if (theme.members.size >= 2 * minTheme) theme.subthemes = splitTheme(theme, matrix, docs, minTheme);
    }
    // A theme that holds too much is its sub-themes.
    const broad = Math.max(BROAD_SHARE, 2 / Math.max(1, found.length)) * docs.length;
    for (const theme of found) {
      if (theme.subthemes.length >= 2 && theme.members.size > broad) {
        for (const sub of theme.subthemes) {
          sub.subthemes = sub.members.size >= 2 * minTheme ? splitTheme(sub, matrix, docs, minTheme) : [];
          themes.push(sub);
        }
      } else themes.push(theme);
    }
    for (const doc of docs) if (!reason.has(doc)) fitted.add(doc);
    progress(0.45 + 0.35 * ((index + 1) / ownLanguages.length), "themes");
  });

  // 5. Languages: bridge profiles, merges across languages, placement of the rest.
  const bridgeIdf = idfOf(reps, docBridges);
  const bridgeVector = (doc: number) => unitSparse(docBridges[doc] as Map<number, number>, bridgeIdf);
  const profileOf = (theme: WorkTheme) => {
    const sum = new Map<number, number>();
    for (const [doc, weight] of theme.members) for (const [bridge, value] of bridgeVector(doc)) sum.set(bridge, (sum.get(bridge) ?? 0) + weight * value);
    return normalise(sum);
  };
  let profiles = themes.map(profileOf);
  mergeAcrossLanguages(themes, profiles);
  profiles = themes.map(profileOf);
  // A contribution of a small language shares only part of its words with
  // a theme's (mostly other-language) profile, so its likeness is not
  // compared with the fitted contributions' own: it must stand out, its
  // best theme clearly ahead of the next one, then the same holds for a
  // second round against the profiles in its own language of what the
  // first round placed.
  const place = (doc: number, likeness: number[]): boolean => {
    const ranked = [...likeness].sort((a, b) => b - a);
    const [best = 0, second = 0] = ranked;
    if (best < FOLD_IN_MIN || best < FOLD_IN_MARGIN * second) return false;
    likeness.forEach((value, t) => {
      if (value >= 0.8 * best) (themes[t] as WorkTheme).members.set(doc, value);
    });
    return true;
  };
  const waiting: number[] = [];
  for (const doc of reps) {
    if (fitted.has(doc) || reason.has(doc)) continue;
    const vector = bridgeVector(doc);
    if (themes.length === 0 || !place(doc, profiles.map((profile) => dotSparse(vector, profile)))) waiting.push(doc);
  }
  // Weighted within its language: words every contribution of a language
  // uses ("Verordnung", "Stellungnahme") must not make its profiles alike.
  const idfByLanguage = new Map([...repsByLanguage].map(([language, docs]) => [language, idfOf(docs, docFeatures)]));
  const languageVector = (doc: number) => unitSparse(docFeatures[doc] as Map<number, number>, idfByLanguage.get(docLanguage[doc] as string) ?? new Map());
  // Per theme and language, from the members in that language; a theme
  // with fewer than a theme's worth of them has no profile in it, or one
  // contribution would draw all others of its language after it.
  const ownLanguageProfiles = themes.map((theme) => {
    const sums = new Map<string, Map<number, number>>();
    const counts = new Map<string, number>();
    for (const [doc, weight] of theme.members) {
      const language = docLanguage[doc] as string;
      counts.set(language, (counts.get(language) ?? 0) + 1);
      let sum = sums.get(language);
      if (!sum) sums.set(language, (sum = new Map()));
      for (const [feature, value] of languageVector(doc)) sum.set(feature, (sum.get(feature) ?? 0) + weight * value);
    }
    return new Map([...sums].filter(([language]) => (counts.get(language) as number) >= minTheme).map(([language, sum]) => [language, normalise(sum)]));
  });
  for (const doc of waiting) {
    const vector = languageVector(doc);
    const bridges = bridgeVector(doc);
    const language = docLanguage[doc] as string;
    // Only among the themes that have a profile in its language, two at least: against none, any would win.
    const withProfile = themes.map((_, t) => ownLanguageProfiles[t]?.has(language) ?? false);
    const likeness = themes.map((_, t) => (withProfile[t] ? dotSparse(vector, ownLanguageProfiles[t]?.get(language) as Map<number, number>) + dotSparse(bridges, profiles[t] as Map<number, number>) : 0));
    if (withProfile.filter(Boolean).length < 2 || !place(doc, likeness)) reason.set(doc, "fewInLanguage");
  }
  progress(0.85, "describing");

  // Weights per representative, summing to 1, at most three themes.
  const weightsOf = new Map<number, { theme: number; weight: number }[]>();
  themes.forEach((theme, t) => {
    for (const [doc, weight] of theme.members) {
      const list = weightsOf.get(doc) ?? [];
      list.push({ theme: t, weight });
      weightsOf.set(doc, list);
    }
  });
  for (const [doc, list] of weightsOf) {
    list.sort((a, b) => b.weight - a.weight || a.theme - b.theme);
    const kept = list.slice(0, MAX_THEMES_PER_CONTRIBUTION);
    const total = kept.reduce((sum, entry) => sum + entry.weight, 0);
    weightsOf.set(doc, kept.map((entry) => ({ theme: entry.theme, weight: total > 0 ? entry.weight / total : 1 / kept.length })));
    themes.forEach((theme, t) => {
      if (theme.members.has(doc) && !kept.some((entry) => entry.theme === t)) theme.members.delete(doc);
    });
    for (const entry of weightsOf.get(doc) ?? []) (themes[entry.theme] as WorkTheme).members.set(doc, entry.weight);
  }
  for (const doc of reps) if (!weightsOf.has(doc) && !reason.has(doc)) reason.set(doc, "belongsNowhere");

  // 6. Describe: sizes, labels, quotes; then the sub-themes, against their siblings.
  const groupSize = new Int32Array(groupCount);
  for (let doc = 0; doc < n; doc += 1) groupSize[groupOfDoc[doc] as number] = (groupSize[groupOfDoc[doc] as number] as number) + 1;
  const isContent = (s: number) => kinds[s] === SENTENCE_KIND.content;
  const featuresOf = (doc: number) => docFeatures[doc] as Map<number, number>;
  // Which description each work theme got: placements name sub-themes by their keys.
  const describedOf = new Map<WorkTheme, EngineTheme>();
  const describe = (level: WorkTheme[], scores: FeatureScores[], exclude: Set<number>, quotes: number): EngineTheme[] =>
    level.map((theme, t) => {
      const members = [...theme.members.keys()].sort((a, b) => (theme.members.get(b) as number) - (theme.members.get(a) as number) || a - b);
      const label = labelOf(scores[t] as FeatureScores, texts, members, documents, settings.termsPerTheme, exclude);
      const languages: Record<string, number> = {};
      const byStakeholderType = emptyStakeholderCounts();
      let contributionCount = 0;
      const groups: { groupId: string; size: number }[] = [];
      for (const doc of members) {
        const document = documents[doc] as ThemeInput;
        const language = docLanguage[doc] as string;
        languages[language] = (languages[language] ?? 0) + 1;
        byStakeholderType[document.stakeholderType] += 1;
        const size = groupSize[groupOfDoc[doc] as number] as number;
        contributionCount += size;
        if (size >= 2 && document.groupId) groups.push({ groupId: document.groupId, size });
      }
      groups.sort((a, b) => b.size - a.size || compare(a.groupId, b.groupId));
      // Sub-themes are not named after what names their theme.
      const childExclude = new Set(exclude);
      if (label.labelFeature !== null) {
        const words = stemsOf(texts, label.labelFeature);
        for (const feature of subFeatures(theme, featuresOf)) if (stemsOf(texts, feature).every((word) => words.includes(word))) childExclude.add(feature);
      }
      const subScores = classScores(theme.subthemes, featuresOf);
      const described: EngineTheme = {
        key: "",
        label: label.label,
        terms: label.terms,
        size: members.length,
        contributionCount,
        share: groupCount > 0 ? members.length / groupCount : 0,
        languages,
        byStakeholderType,
        groups,
        quotes: quotesOf(scores[t] as FeatureScores, members.slice(0, 30), texts, isContent, documents, quotes),
        subthemes: describe(theme.subthemes, subScores, childExclude, Math.min(2, quotes)),
      };
      describedOf.set(theme, described);
      return described;
    });
  const kept = themes.filter((theme) => theme.members.size > 0);
  const described = describe(kept, classScores(kept, featuresOf), new Set(), settings.quotesPerTheme);
  const ranked = described.filter((theme) => theme.label !== "").sort((a, b) => b.size - a.size || compare(a.label, b.label));
  const used = new Set<string>();
  const keyOf = (theme: EngineTheme, prefix: string) => {
    const base = `${prefix}${slug(theme.label) || "theme"}`;
    let key = base;
    for (let suffix = 2; used.has(key); suffix += 1) key = `${base}-${suffix}`;
    used.add(key);
    theme.key = key;
    theme.subthemes = theme.subthemes.filter((sub) => sub.label !== "").sort((a, b) => b.size - a.size || compare(a.label, b.label));
    for (const sub of theme.subthemes) keyOf(sub, `${key}/`);
  };
  for (const theme of ranked) keyOf(theme, "");
  const keyOfWork = new Map<WorkTheme, string>();
  kept.forEach((theme, t) => {
    const key = (described[t] as EngineTheme).key;
    if (key !== "") keyOfWork.set(theme, key);
  });

  // The sub-theme (kept and named) in which a representative weighs most.
  const subthemeKey = (theme: WorkTheme, rep: number): string | undefined => {
    let best: { key: string; weight: number } | undefined;
    for (const sub of theme.subthemes) {
      const weight = sub.members.get(rep);
      const key = describedOf.get(sub)?.key;
      if (weight !== undefined && key && (!best || weight > best.weight)) best = { key, weight };
    }
    return best?.key;
  };

  // Placements of every contribution, through its group's representative.
  const placements = new Map<string, Placement>();
  const notThemed: NotThemed = { count: 0, share: 0, byStakeholderType: emptyStakeholderCounts(), byReason: { onlyBoilerplate: 0, tooLittleText: 0, belongsNowhere: 0, fewInLanguage: 0 } };
  const themeKeys = themes.map((theme) => keyOfWork.get(theme));
  const countedGroups = new Set<number>();
  for (let doc = 0; doc < n; doc += 1) {
    const document = documents[doc] as ThemeInput;
    const group = groupOfDoc[doc] as number;
    const rep = representative[group] as number;
    const weights = rep >= 0 && !reason.has(doc) ? weightsOf.get(rep) : undefined;
    const placed = weights?.flatMap((entry) => {
      const key = themeKeys[entry.theme];
      if (!key) return [];
      const subtheme = subthemeKey(themes[entry.theme] as WorkTheme, rep);
      return [subtheme ? { key, weight: entry.weight, subtheme } : { key, weight: entry.weight }];
    });
    if (placed && placed.length > 0) {
      placements.set(document.id, { themes: placed });
      continue;
    }
    const why = reason.get(doc) ?? (rep >= 0 ? reason.get(rep) : undefined) ?? "belongsNowhere";
    placements.set(document.id, { reason: why });
    // Counted like themes: each group once.
    if (countedGroups.has(group)) continue;
    countedGroups.add(group);
    notThemed.count += 1;
    notThemed.byReason[why] += 1;
    notThemed.byStakeholderType[document.stakeholderType] += 1;
  }
  notThemed.share = groupCount > 0 ? notThemed.count / groupCount : 0;
  progress(1, "done");
  return { contributionCount: n, groupCount, themes: ranked, notThemed, placements, boilerplate };
}

/** TF-IDF rows of unit length over the language's features, for the representatives `docs`. */
function buildMatrix(docs: readonly number[], docFeatures: readonly Map<number, number>[], texts: ReadTexts, language: string): SparseRows {
  const prefix = `${language}\u0001`;
  const df = new Map<number, number>();
  for (const doc of docs) for (const feature of (docFeatures[doc] as Map<number, number>).keys()) if ((texts.features.names[feature] as string).startsWith(prefix)) df.set(feature, (df.get(feature) ?? 0) + 1);
  const maxDf = docs.length >= 10 ? FEATURE_MAX_SHARE * docs.length : docs.length;
  const candidates = [...df].filter(([, count]) => count >= 2 && count <= maxDf).sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, MAX_FEATURES);
  const column = new Map<number, number>();
  const idf: number[] = [];
  candidates.forEach(([feature, count], index) => {
    column.set(feature, index);
    idf.push(Math.log((1 + docs.length) / (1 + count)) + 1);
  });
  const offsets = new Int32Array(docs.length + 1);
  const indices: number[] = [];
  const values: number[] = [];
  docs.forEach((doc, row) => {
    const entries: [number, number][] = [];
    for (const [feature, count] of docFeatures[doc] as Map<number, number>) {
      const c = column.get(feature);
      if (c !== undefined) entries.push([c, (1 + Math.log(count)) * (idf[c] as number)]);
    }
    entries.sort((a, b) => a[0] - b[0]);
    const norm = Math.sqrt(entries.reduce((sum, [, value]) => sum + value * value, 0));
    for (const [c, value] of entries) {
      indices.push(c);
      values.push(value / norm);
    }
    offsets[row + 1] = indices.length;
  });
  return { rows: docs.length, columns: candidates.length, offsets, indices: Int32Array.from(indices), values: Float64Array.from(values) };
}

/** Themes of one language: NMF with k chosen by silhouette; contributions that fit nowhere are marked so. */
function themesOf(matrix: SparseRows, docs: readonly number[], language: string, maxThemes: number, minTheme: number, reason: Map<number, NotThemedReason>): WorkTheme[] {
  const rows = Array.from({ length: matrix.rows }, (_, row) => row).filter((row) => (matrix.offsets[row + 1] as number) > (matrix.offsets[row] as number));
  for (let row = 0; row < matrix.rows; row += 1) if ((matrix.offsets[row + 1] as number) === (matrix.offsets[row] as number)) reason.set(docs[row] as number, "belongsNowhere");
  const kMax = Math.min(maxThemes, Math.floor(rows.length / minTheme));
  if (kMax < 2) {
    if (rows.length < minTheme) return [];
    return [{ language, members: new Map(rows.map((row) => [docs[row] as number, 1])), profile: null, subthemes: [] }];
  }
  const k = chooseK(matrix, 2, kMax);
  const factorisation = factorise(matrix, k);
  return themesFromFactorisation(matrix, factorisation, rows, docs, language, minTheme, reason, true);
}

/**
 * The number of themes with the best silhouette. On many rows, chosen on
 * an evenly spaced selection of SELECTION_ROWS of them: the structure a
 * few thousand contributions show is the structure of all, and each k
 * tried costs a factorisation.
 */
function chooseK(full: SparseRows, kMin: number, kMax: number): number {
  const matrix = full.rows > SELECTION_ROWS ? subMatrix(full, evenlySpaced(full.rows, SELECTION_ROWS)) : full;
  const sample = sampleRows(matrix.rows);
  const scores: number[] = [];
  for (let k = kMin; k <= kMax; k += 1) {
    const { w } = factorise(matrix, k, SELECTION_ITERATIONS);
    scores.push(silhouette(matrix, hardLabels(w, matrix.rows, k), k, sample));
  }
  // The fewest themes that do nearly as well as the best: on a few dozen
  // contributions silhouette keeps rising as themes shrink to near-copies,
  // which splits one subject into three themes of three contributions.
  const best = Math.max(...scores);
  const enough = best > 0 ? best * K_TOLERANCE : best;
  const at = scores.findIndex((score) => score >= enough);
  return kMin + Math.max(0, at);
}

function themesFromFactorisation(
  matrix: SparseRows,
  { k, w, ht }: { k: number; w: Float64Array; ht: Float64Array },
  rows: readonly number[],
  docs: readonly number[],
  language: string,
  minTheme: number,
  reason: Map<number, NotThemedReason> | null,
  markNowhere: boolean,
): WorkTheme[] {
  // How like each theme's profile each document is: the fit that says "nowhere".
  const likeness = new Float64Array(matrix.rows);
  for (const row of rows) {
    let best = 0;
    for (let t = 0; t < k; t += 1) {
      let dot = 0;
      for (let p = matrix.offsets[row] as number; p < (matrix.offsets[row + 1] as number); p += 1) dot += (matrix.values[p] as number) * (ht[(matrix.indices[p] as number) * k + t] as number);
      best = Math.max(best, dot);
    }
    likeness[row] = best;
  }
  const floor = NOWHERE_FRACTION * median(rows.map((row) => likeness[row] as number));
  const themes: WorkTheme[] = Array.from({ length: k }, () => ({ language, members: new Map(), profile: null, subthemes: [] }));
  const primary = new Int32Array(k);
  for (const row of rows) {
    if (markNowhere && (likeness[row] as number) < floor) {
      reason?.set(docs[row] as number, "belongsNowhere");
      continue;
    }
    let total = 0;
    let top = -1;
    for (let t = 0; t < k; t += 1) {
      total += w[row * k + t] as number;
      if (top < 0 || (w[row * k + t] as number) > (w[row * k + top] as number)) top = t;
    }
    if (total <= 0 || top < 0) {
      if (markNowhere) reason?.set(docs[row] as number, "belongsNowhere");
      continue;
    }
    primary[top] = (primary[top] as number) + 1;
    for (let t = 0; t < k; t += 1) {
      const share = (w[row * k + t] as number) / total;
      if (share >= MEMBER_SHARE) (themes[t] as WorkTheme).members.set(docs[row] as number, share);
    }
  }
  // Too small to be a theme: its members keep their other themes, or belong nowhere.
  const kept = themes.filter((theme, t) => (primary[t] as number) >= minTheme && theme.members.size >= minTheme);
  if (markNowhere) {
    for (const row of rows) {
      const doc = docs[row] as number;
      if (!reason?.has(doc) && !kept.some((theme) => theme.members.has(doc))) reason?.set(doc, "belongsNowhere");
    }
  }
  return kept;
}

/** A theme's sub-themes: NMF inside its members, kept when the split has structure (positive silhouette). */
function splitTheme(theme: WorkTheme, matrix: SparseRows, docs: readonly number[], minTheme: number): WorkTheme[] {
  const rowOf = new Map(docs.map((doc, row) => [doc, row]));
  const members = [...theme.members.keys()].sort((a, b) => a - b);
  const sub = subMatrix(matrix, members.map((doc) => rowOf.get(doc) as number));
  const kMax = Math.min(MAX_SUBTHEMES, Math.floor(members.length / minTheme));
  if (kMax < 2) return [];
  const selection = sub.rows > SELECTION_ROWS ? subMatrix(sub, evenlySpaced(sub.rows, SELECTION_ROWS)) : sub;
  const sample = sampleRows(selection.rows);
  let best: { k: number; score: number } = { k: 0, score: 0 };
  for (let k = 2; k <= kMax; k += 1) {
    const { w } = factorise(selection, k, SELECTION_ITERATIONS);
    const score = silhouette(selection, hardLabels(w, selection.rows, k), k, sample);
    if (score > best.score + 1e-3) best = { k, score };
  }
  if (best.k === 0 || best.score < MIN_SPLIT_SILHOUETTE) return [];
  const rows = Array.from({ length: sub.rows }, (_, row) => row).filter((row) => (sub.offsets[row + 1] as number) > (sub.offsets[row] as number));
  const smallest = Math.max(minTheme, Math.ceil(MIN_SUBTHEME_SHARE * members.length));
  const found = themesFromFactorisation(sub, factorise(sub, best.k), rows, members, theme.language, smallest, null, false);
  // Each member in one sub-theme, where it weighs most: a placement names
  // one sub-theme per theme, and the sub-themes' sizes are counted from the
  // placements wherever the themes are counted again (a filtered view, a
  // published version).
  for (const doc of members) {
    const holding = found.filter((part) => part.members.has(doc));
    if (holding.length < 2) continue;
    const heaviest = holding.reduce((best, part) => ((part.members.get(doc) as number) > (best.members.get(doc) as number) ? part : best));
    for (const part of holding) if (part !== heaviest) part.members.delete(doc);
  }
  const parts = found.filter((part) => part.members.size >= smallest);
  if (parts.length < 2) return [];
  // A member's weight in a sub-theme is its share of the parent's.
  for (const part of parts) for (const [doc, share] of part.members) part.members.set(doc, share * (theme.members.get(doc) ?? 1));
  return parts;
}

function subMatrix(matrix: SparseRows, rows: readonly number[]): SparseRows {
  const offsets = new Int32Array(rows.length + 1);
  const indices: number[] = [];
  const values: number[] = [];
  rows.forEach((row, i) => {
    for (let p = matrix.offsets[row] as number; p < (matrix.offsets[row + 1] as number); p += 1) {
      indices.push(matrix.indices[p] as number);
      values.push(matrix.values[p] as number);
    }
    offsets[i + 1] = indices.length;
  });
  return { rows: rows.length, columns: matrix.columns, offsets, indices: Int32Array.from(indices), values: Float64Array.from(values) };
}

function mergeAcrossLanguages(themes: WorkTheme[], profiles: Map<number, number>[]): void {
  const nearest = (t: number) => {
    let best = -1;
    let bestValue = MERGE_SIMILARITY;
    profiles.forEach((profile, s) => {
      if (s === t || (themes[s] as WorkTheme).language === (themes[t] as WorkTheme).language) return;
      const value = dotSparse(profiles[t] as Map<number, number>, profile);
      if (value >= bestValue) {
        bestValue = value;
        best = s;
      }
    });
    return best;
  };
  const pairs: [number, number][] = [];
  for (let t = 0; t < themes.length; t += 1) {
    const s = nearest(t);
    if (s > t && nearest(s) === t) pairs.push([t, s]);
  }
  const removed = new Set<number>();
  for (const [t, s] of pairs) {
    const [keep, drop] = (themes[t] as WorkTheme).members.size >= (themes[s] as WorkTheme).members.size ? [t, s] : [s, t];
    for (const [doc, weight] of (themes[drop] as WorkTheme).members) (themes[keep] as WorkTheme).members.set(doc, weight);
    (themes[keep] as WorkTheme).subthemes = [];
    removed.add(drop);
  }
  const rest = themes.filter((_, t) => !removed.has(t));
  themes.splice(0, themes.length, ...rest);
}

function hardLabels(w: Float64Array, rows: number, k: number): Int32Array {
  const labels = new Int32Array(rows).fill(-1);
  for (let row = 0; row < rows; row += 1) {
    let top = -1;
    let value = 0;
    for (let t = 0; t < k; t += 1) {
      if ((w[row * k + t] as number) > value) {
        value = w[row * k + t] as number;
        top = t;
      }
    }
    labels[row] = top;
  }
  return labels;
}

/** Every row up to the sample size, else an evenly spaced selection (deterministic). */
function sampleRows(rows: number): number[] {
  return evenlySpaced(rows, SILHOUETTE_SAMPLE);
}

function evenlySpaced(rows: number, count: number): number[] {
  if (rows <= count) return Array.from({ length: rows }, (_, row) => row);
  const step = rows / count;
  return Array.from({ length: count }, (_, i) => Math.floor(i * step));
}

function idfOf(docs: readonly number[], counts: readonly Map<number, number>[]): Map<number, number> {
  const df = new Map<number, number>();
  for (const doc of docs) for (const feature of (counts[doc] as Map<number, number>).keys()) df.set(feature, (df.get(feature) ?? 0) + 1);
  const idf = new Map<number, number>();
  for (const [feature, count] of df) if (count >= 2) idf.set(feature, Math.log((1 + docs.length) / (1 + count)) + 1);
  return idf;
}

function unitSparse(counts: Map<number, number>, idf: Map<number, number>): Map<number, number> {
  const vector = new Map<number, number>();
  for (const [feature, count] of counts) {
    const weight = idf.get(feature);
    if (weight !== undefined) vector.set(feature, (1 + Math.log(count)) * weight);
  }
  return normalise(vector);
}

function normalise(vector: Map<number, number>): Map<number, number> {
  let norm = 0;
  for (const value of vector.values()) norm += value * value;
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [key, value] of vector) vector.set(key, value / norm);
  return vector;
}

function dotSparse(a: Map<number, number>, b: Map<number, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [key, value] of small) sum += value * (large.get(key) ?? 0);
  return sum;
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function stemsOf(texts: ReadTexts, feature: number): string[] {
  return (texts.features.names[feature] as string).split("\u0001")[1]?.split(" ") ?? [];
}

function subFeatures(theme: WorkTheme, featuresOf: (doc: number) => Map<number, number>): Set<number> {
  const features = new Set<number>();
  for (const doc of theme.members.keys()) for (const feature of featuresOf(doc).keys()) features.add(feature);
  return features;
}

function slug(label: string): string {
  return label
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/gu, "")
    .slice(0, 60);
}

function emptyStakeholderCounts(): Record<StakeholderType, number> {
  return Object.fromEntries(Object.values(StakeholderType).map((type) => [type, 0])) as Record<StakeholderType, number>;
}

function definedOnly(options: EngineOptions): Partial<typeof DEFAULTS> {
  const out: Partial<typeof DEFAULTS> = {};
  if (options.maxThemes !== undefined) out.maxThemes = options.maxThemes;
  if (options.termsPerTheme !== undefined) out.termsPerTheme = options.termsPerTheme;
  if (options.quotesPerTheme !== undefined) out.quotesPerTheme = options.quotesPerTheme;
  return out;
}

import type { Sentence, ReadTexts } from "@/lib/summaries/themes/engine/read-texts";
import type { EngineQuote, ThemeInput } from "@/lib/summaries/themes/engine/types";

// What a theme is called and how it is quoted, once its members are known.
//
// Labels by class-based TF-IDF (as BERTopic does): a feature's weight in the
// theme's members against how common it is across all themes, so that what
// every theme says ("AI systems" in an AI consultation) is nobody's label.
// A phrase is preferred to a word when it scores nearly as well: people say
// "facial recognition", not "facial". The stems are shown as people wrote
// them: the commonest spelling among the members.
//
// Quotes by maximal marginal relevance: sentences of the members that weigh
// most in the theme's features, each next one chosen for its score minus
// its likeness to the quotes already chosen, one per contribution, so that
// three quotes do not say the same thing three times.

export type ThemeClass = {
  /** Member documents (representatives of their groups) with their weight in the theme. */
  members: Map<number, number>;
};

export type FeatureScores = Map<number, number>;

/** Each class's class-based TF-IDF over the language features of its members' content sentences. */
export function classScores(classes: readonly ThemeClass[], docFeatures: (doc: number) => Map<number, number>): FeatureScores[] {
  const frequencies = classes.map((theme) => {
    const tf = new Map<number, number>();
    const documentsWith = new Map<number, number>();
    for (const [doc, weight] of theme.members) {
      for (const [feature, count] of docFeatures(doc)) {
        tf.set(feature, (tf.get(feature) ?? 0) + weight * Math.log1p(count));
        documentsWith.set(feature, (documentsWith.get(feature) ?? 0) + 1);
      }
    }
    // A feature of one member only says who wrote it, not what the theme is.
    const minimum = theme.members.size >= 3 ? 2 : 1;
    for (const [feature, count] of documentsWith) if (count < minimum) tf.delete(feature);
    return tf;
  });
  const across = new Map<number, number>();
  let totalAll = 0;
  for (const tf of frequencies) {
    for (const [feature, value] of tf) {
      across.set(feature, (across.get(feature) ?? 0) + value);
      totalAll += value;
    }
  }
  const average = totalAll / Math.max(1, classes.length);
  return frequencies.map((tf) => {
    let total = 0;
    for (const value of tf.values()) total += value;
    const scores = new Map<number, number>();
    for (const [feature, value] of tf) scores.set(feature, (value / Math.max(total, 1e-9)) * Math.log(1 + average / (across.get(feature) as number)));
    return scores;
  });
}

export type Label = { label: string; terms: string[]; labelFeature: number | null };

/**
 * The theme's label and terms from its scores: features ranked, the
 * top-ranked phrase if it scores at least PHRASE_PREFERENCE of the best
 * feature, words inside a chosen phrase not listed again.
 */
export function labelOf(scores: FeatureScores, texts: ReadTexts, members: Iterable<number>, documents: readonly ThemeInput[], termsCount: number, exclude: ReadonlySet<number> = new Set()): Label {
  const PHRASE_PREFERENCE = 0.4;
  const ranked = [...scores].filter(([feature]) => !exclude.has(feature)).sort((a, b) => b[1] - a[1] || compare(texts.features.names[a[0]] as string, texts.features.names[b[0]] as string));
  if (ranked.length === 0) return { label: "", terms: [], labelFeature: null };
  const top = ranked[0]?.[1] as number;
  const labelFeature = (ranked.find(([feature, score]) => (texts.features.lengths[feature] as number) >= 2 && score >= PHRASE_PREFERENCE * top) ?? ranked[0])?.[0] as number;
  const chosen: number[] = [labelFeature];
  const stems = (feature: number) => (texts.features.names[feature] as string).split("\u0001")[1]?.split(" ") ?? [];
  const covered = (feature: number) => {
    const words = stems(feature);
    return chosen.some((other) => {
      const otherWords = stems(other);
      const inside = (a: string[], b: string[]) => a.every((word) => b.includes(word));
      return inside(words, otherWords) || inside(otherWords, words);
    });
  };
  for (const [feature] of ranked) {
    if (chosen.length >= termsCount) break;
    if (!covered(feature)) chosen.push(feature);
  }
  const forms = surfaceForms(new Set(chosen), texts, members, documents);
  const readable = (feature: number) => forms.get(feature) ?? stems(feature).join(" ");
  return { label: readable(labelFeature), terms: chosen.map(readable), labelFeature };
}

/** The commonest spelling of each wanted feature in the members' sentences (lower case, acronyms as written). */
function surfaceForms(wanted: ReadonlySet<number>, texts: ReadTexts, members: Iterable<number>, documents: readonly ThemeInput[]): Map<number, string> {
  const counts = new Map<number, Map<string, number>>();
  const CLAUSE = /[,;:()[\]{}"“”„«»‹›…|/\\–—]|\s-\s|\.\s/u;
  for (const doc of members) {
    for (let s = texts.sentenceStart[doc] as number; s < (texts.sentenceStart[doc + 1] as number); s += 1) {
      const sentence = texts.sentences[s] as Sentence;
      if (!sentence.features.some((feature) => wanted.has(feature))) continue;
      const tools = texts.tools(sentence.language);
      const text = (documents[doc]?.parts[sentence.part]?.text ?? "").slice(sentence.start, sentence.end);
      for (const clause of text.split(CLAUSE)) {
        let run: { stem: string; form: string }[] = [];
        const flush = () => {
          for (let n = 1; n <= 3; n += 1) {
            for (let i = 0; i + n <= run.length; i += 1) {
              const slice = run.slice(i, i + n);
              const id = texts.features.ids.get(`${sentence.language}\u0001${slice.map((word) => word.stem).join(" ")}`);
              if (id === undefined || !wanted.has(id)) continue;
              const form = slice.map((word) => word.form).join(" ");
              let forms = counts.get(id);
              if (!forms) counts.set(id, (forms = new Map()));
              forms.set(form, (forms.get(form) ?? 0) + 1);
            }
          }
          run = [];
        };
        for (const word of clause.match(/[\p{L}\p{M}]+/gu) ?? []) {
          const stem = tools.termOf(word);
          if (stem === null) {
            flush();
            continue;
          }
          run.push({ stem, form: /\p{Lu}.*\p{Lu}/u.test(word) ? word : tools.lowercase(word) });
        }
        flush();
      }
    }
  }
  const forms = new Map<number, string>();
  for (const [feature, byForm] of counts) {
    const [best] = [...byForm].sort((a, b) => b[1] - a[1] || compare(a[0], b[0]));
    if (best) forms.set(feature, best[0]);
  }
  return forms;
}

const QUOTE_MIN_WORDS = 6;
const QUOTE_MAX_WORDS = 60;
const QUOTE_MAX_LENGTH = 400;
const MMR_LAMBDA = 0.7;
const SAME_SENTENCE = 0.8;

/** Up to `count` diverse, characteristic whole sentences of the theme's best members. */
export function quotesOf(
  scores: FeatureScores,
  candidates: readonly number[],
  texts: ReadTexts,
  isContent: (sentence: number) => boolean,
  documents: readonly ThemeInput[],
  count: number,
): EngineQuote[] {
  type Candidate = { sentence: number; doc: number; score: number; features: Set<number> };
  const pool: Candidate[] = [];
  for (const doc of candidates) {
    for (let s = texts.sentenceStart[doc] as number; s < (texts.sentenceStart[doc + 1] as number); s += 1) {
      const sentence = texts.sentences[s] as Sentence;
      if (!isContent(s) || sentence.wordCount < QUOTE_MIN_WORDS || sentence.wordCount > QUOTE_MAX_WORDS || sentence.end - sentence.start > QUOTE_MAX_LENGTH) continue;
      const features = new Set(sentence.features);
      let score = 0;
      for (const feature of features) score += scores.get(feature) ?? 0;
      if (score <= 0) continue;
      pool.push({ sentence: s, doc, score: score / Math.sqrt(features.size), features });
    }
  }
  if (pool.length === 0) return [];
  const best = Math.max(...pool.map((candidate) => candidate.score));
  const chosen: Candidate[] = [];
  const usedDocs = new Set<number>();
  while (chosen.length < count) {
    let next: Candidate | null = null;
    let nextValue = -Infinity;
    for (const candidate of pool) {
      if (usedDocs.has(candidate.doc)) continue;
      // The same sentence in two contributions is quoted once.
      if (chosen.some((other) => jaccard(candidate.features, other.features) >= SAME_SENTENCE)) continue;
      const likeness = chosen.reduce((most, other) => Math.max(most, jaccard(candidate.features, other.features)), 0);
      const value = MMR_LAMBDA * (candidate.score / best) - (1 - MMR_LAMBDA) * likeness;
      if (value > nextValue) {
        nextValue = value;
        next = candidate;
      }
    }
    if (!next) break;
    chosen.push(next);
    usedDocs.add(next.doc);
  }
  return chosen.map(({ sentence: s, doc }) => {
    const sentence = texts.sentences[s] as Sentence;
    const document = documents[doc] as ThemeInput;
    const part = document.parts[sentence.part];
    return { contributionId: document.id, reference: document.reference, text: (part?.text ?? "").slice(sentence.start, sentence.end), source: part?.source ?? { kind: "body" } };
  });
}

function jaccard(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  let both = 0;
  for (const value of a) if (b.has(value)) both += 1;
  const either = a.size + b.size - both;
  return either === 0 ? 0 : both / either;
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

import "server-only";
import { normaliseLanguage } from "@/lib/summaries/themes/engine/read-texts";
import type { TextPart, ThemeInput } from "@/lib/summaries/themes/engine/types";
import type { LanguageTools } from "@/lib/summaries/themes/engine/language-tools";
import type { ThemeQuote } from "@/lib/summaries/themes/types";

// Which contributions mention a moderator's seed words ("biometric, facial
// recognition"), and the sentences that do, for a theme added or split off
// by them. Words are compared lower case, without accents and stemmed with
// the stemmer of the part's language, seeds and text alike: "biometric"
// meets "biometrics", "facial recognition" meets "Facial-recognition" and
// "facial recognitions". A seed of several words matches those words one
// after the other, whatever stands between them (a space, a hyphen).

export type SeedMatcher = {
  /** True when any part of it (title, body, attachment page) holds one of the seeds. */
  mentions(document: ThemeInput, seeds: readonly string[]): boolean;
  /** Up to `count` whole sentences holding a seed, each from another contribution and each different, exactly as in their part. */
  quotes(documents: readonly ThemeInput[], seeds: readonly string[], count: number): ThemeQuote[];
};

// Digits count as words here: a seed may be "Article 5".
const TOKEN = /[\p{L}\p{M}\p{N}]+/gu;
const WORD = /[\p{L}\p{M}]+/gu;
// The accents of Latin, Greek and Cyrillic letters; the vowel signs of
// Indic and Arabic scripts are letters of the word and stay.
const ACCENTS = /[\u0300-\u036f]/gu;
// As the engine's quotes (describe-theme.ts): a sentence a reader takes in at once.
const QUOTE_MIN_WORDS = 6;
const QUOTE_MAX_WORDS = 60;
const QUOTE_MAX_LENGTH = 400;

type Sentence = { part: TextPart; start: number; end: number; seeds: number };

export function seedMatcher(tools: (language: string) => LanguageTools): SeedMatcher {
  const partWords = new WeakMap<TextPart, string[]>();
  const seedWords = new Map<string, string[]>();
  const segmenters = new Map<string, Intl.Segmenter>();

  const formsByLanguage = new Map<string, Map<string, string>>();
  const bare = (text: string, tool: LanguageTools) => {
    const lower = tool.lowercase(text);
    return /^[\x00-\x7f]*$/u.test(lower) ? lower : lower.normalize("NFD").replace(ACCENTS, "").normalize("NFC");
  };
  const wordsOf = (text: string, language: string): string[] => {
    const tool = tools(language);
    let forms = formsByLanguage.get(language);
    if (!forms) formsByLanguage.set(language, (forms = new Map()));
    return (text.match(TOKEN) ?? []).map((word) => {
      let form = forms.get(word);
      if (form === undefined) {
        const lower = bare(word, tool);
        // Stop words and one-letter words are not stemmed but still words of a phrase ("right to object").
        form = tool.termOf(lower) ?? lower;
        forms.set(word, form);
      }
      return form;
    });
  };
  const seedOf = (seed: string, language: string): string[] => {
    const key = `${language}\u0001${seed}`;
    let words = seedWords.get(key);
    if (!words) seedWords.set(key, (words = wordsOf(seed, language)));
    return words;
  };
  // Chinese and Japanese have no spaces to find words by: the seed is looked for as written.
  const holds = (text: string, words: readonly string[] | null, seed: string, language: string): boolean => {
    const tool = tools(language);
    if (tool.unspaced) {
      const wanted = bare(seed, tool).replace(/\s+/gu, "");
      return wanted !== "" && bare(text, tool).replace(/\s+/gu, "").includes(wanted);
    }
    return containsRun(words ?? wordsOf(text, language), seedOf(seed, language));
  };
  const partHolds = (part: TextPart, seeds: readonly string[]): boolean => {
    const language = normaliseLanguage(part.language);
    let words = partWords.get(part);
    if (!words) partWords.set(part, (words = wordsOf(part.text, language)));
    return seeds.some((seed) => holds(part.text, words, seed, language));
  };
  const sentencesOf = (part: TextPart, seeds: readonly string[]): Sentence[] => {
    const language = normaliseLanguage(part.language);
    let segmenter = segmenters.get(language);
    if (!segmenter) segmenters.set(language, (segmenter = new Intl.Segmenter(language === "und" ? "en" : language, { granularity: "sentence" })));
    const found: Sentence[] = [];
    for (const { segment, index } of segmenter.segment(part.text)) {
      const text = segment.trim();
      if (text === "") continue;
      const start = index + segment.length - segment.trimStart().length;
      const words = tools(language).unspaced ? null : wordsOf(text, language);
      const held = seeds.filter((seed) => holds(text, words, seed, language)).length;
      if (held > 0) found.push({ part, start, end: start + text.length, seeds: held });
    }
    return found;
  };

  return {
    mentions: (document, seeds) => document.parts.some((part) => partHolds(part, seeds)),
    quotes(documents, seeds, count) {
      const quotes: ThemeQuote[] = [];
      const texts = new Set<string>();
      const quoted = new Set<string>();
      // Sentences of a readable length first; shorter or longer ones only when too few contributions have one.
      const passes = [
        (text: string) => text.length <= QUOTE_MAX_LENGTH && between((text.match(WORD) ?? []).length, QUOTE_MIN_WORDS, QUOTE_MAX_WORDS),
        (text: string) => text.length <= QUOTE_MAX_LENGTH,
      ];
      for (const readable of passes) {
        for (const document of documents) {
          if (quotes.length >= count) return quotes;
          if (quoted.has(document.id)) continue;
          let best: { sentence: Sentence; text: string } | null = null;
          for (const part of document.parts) {
            if (!partHolds(part, seeds)) continue;
            for (const sentence of sentencesOf(part, seeds)) {
              const text = part.text.slice(sentence.start, sentence.end);
              if (!readable(text) || texts.has(text)) continue;
              if (!best || sentence.seeds > best.sentence.seeds) best = { sentence, text };
            }
          }
          if (!best) continue;
          quotes.push({ contributionId: document.id, reference: document.reference, text: best.text, source: best.sentence.part.source });
          texts.add(best.text);
          quoted.add(document.id);
        }
      }
      return quotes;
    },
  };
}

function containsRun(words: readonly string[], run: readonly string[]): boolean {
  if (run.length === 0) return false;
  for (let i = 0; i + run.length <= words.length; i += 1) {
    let j = 0;
    while (j < run.length && words[i + j] === run[j]) j += 1;
    if (j === run.length) return true;
  }
  return false;
}

function between(value: number, low: number, high: number): boolean {
  return value >= low && value <= high;
}

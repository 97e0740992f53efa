import "server-only";
import { newStemmer } from "snowball-stemmers";
import { ara, bul, ces, dan, deu, ell, eng, est, fin, fra, gle, hin, hrv, hun, ita, jpn, kor, lav, lit, nld, nob, pol, por, ron, slk, slv, spa, swe, tur, ukr, zho } from "stopword";

// Word lists and stemmers for the languages of lib/contributions/schema.ts,
// keyed by ISO 639-1 code. server-only keeps the word lists out of any
// client bundle.
//
// Stop words come from `stopword` rather than `stopwords-iso`: the English
// list of stopwords-iso (1,298 words) drops "research", "information",
// "work", "system", "state" and "members", which are what contributions to a
// policy consultation are about. Both packages share most of their other
// lists. Maltese and Icelandic have a list in neither; the document
// frequency cut in build-term-vectors.ts still drops their commonest words.
const STOP_WORDS: Record<string, readonly string[]> = {
  ar: ara,
  bg: bul,
  cs: ces,
  da: dan,
  de: deu,
  el: ell,
  en: eng,
  es: spa,
  et: est,
  fi: fin,
  fr: fra,
  ga: gle,
  hi: hin,
  hr: hrv,
  hu: hun,
  it: ita,
  ja: jpn,
  ko: kor,
  lt: lit,
  lv: lav,
  nl: nld,
  no: nob,
  pl: pol,
  pt: por,
  ro: ron,
  sk: slk,
  sl: slv,
  sv: swe,
  tr: tur,
  uk: ukr,
  zh: zho,
};

// Snowball stemmers (snowball-stemmers); the other languages are not
// stemmed, so "policy" and "policies" stay two terms there.
const STEMMERS: Record<string, string> = {
  ar: "arabic",
  cs: "czech",
  da: "danish",
  de: "german",
  en: "english",
  es: "spanish",
  fi: "finnish",
  fr: "french",
  ga: "irish",
  hu: "hungarian",
  it: "italian",
  nl: "dutch",
  no: "norwegian",
  pt: "portuguese",
  ro: "romanian",
  sl: "slovene",
  sv: "swedish",
  tr: "turkish",
};

/** Languages written without spaces between words (tokenise.ts splits them by script). */
const UNSPACED = new Set(["ja", "zh"]);

const MIN_WORD_LENGTH = 2;
const MAX_WORD_LENGTH = 40;
// One Chinese or Japanese character is often a whole word (税, tax).
const SINGLE_HAN = /^\p{Script=Han}$/u;

export type LanguageTools = {
  language: string;
  /** Chinese and Japanese: no spaces between words. */
  unspaced: boolean;
  /**
   * The term a word counts as: lower case, stemmed where there is a stemmer,
   * or null for a stop word or a word too short or too long to mean anything.
   */
  termOf(word: string): string | null;
  /** The lower-case form used to compare words (Turkish dotted and dotless i). */
  lowercase(word: string): string;
};

export function languageTools(language: string): LanguageTools {
  const lowercase = language === "tr" ? (word: string) => word.toLocaleLowerCase("tr") : (word: string) => word.toLowerCase();
  const stopWords = new Set((STOP_WORDS[language] ?? []).map((word) => lowercase(word.normalize("NFC"))));
  const stemmerName = STEMMERS[language];
  const stemmer = stemmerName ? newStemmer(stemmerName) : null;
  return {
    language,
    unspaced: UNSPACED.has(language),
    lowercase,
    termOf(word) {
      const lower = lowercase(word);
      if (lower.length > MAX_WORD_LENGTH || (lower.length < MIN_WORD_LENGTH && !SINGLE_HAN.test(lower))) return null;
      if (stopWords.has(lower)) return null;
      if (!stemmer) return lower;
      return stemmer.stem(lower) || null;
    },
  };
}

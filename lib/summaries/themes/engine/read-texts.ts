import { languageTools, type LanguageTools } from "@/lib/summaries/themes/engine/language-tools";
import { fnv1a } from "@/lib/similarity/fingerprint";
import { OPINION_WORDS } from "@/lib/summaries/themes/engine/opinion-words";
import type { ThemeInput } from "@/lib/summaries/themes/engine/types";

// The first pass of the theme engine: every part of every contribution cut
// into sentences (Intl.Segmenter, in the part's language), each sentence
// with what the later passes need and nothing more:
// - its features: stems of its content words, and the two- and three-word
//   phrases of content words written next to each other inside one clause
//   ("facial recognition", "regulatory sandbox", "high-risk systems"),
//   each bound to its language;
// - its bridge features, shared across languages: acronyms (GDPR, SMEs),
//   article numbers ("Article 5", "Art. 5", "l'article 5") and a cognate
//   key of long words ("biometric", "biométrique", "biometrische");
// - for boilerplate: a key of the whole sentence and hashes of its
//   three-word shingles, stop words included, and whether it stands in the
//   frame of its text (the first or last sentences).

/** A sentence of a contribution: part `part` of document `doc`, text[start, end). */
export type Sentence = {
  doc: number;
  part: number;
  start: number;
  end: number;
  language: string;
  /** Words of any kind, for the length checks of quotes. */
  wordCount: number;
  /** Feature ids, repeated as often as they occur. */
  features: Int32Array;
  bridges: Int32Array;
  /** Lower-case words joined by spaces, digits left out: the same sentence with another page number has the same key. */
  key: string;
  shingles: Uint32Array;
  frame: boolean;
  /** In a short body (no frame of its own): judged by the frames' shingles, not counted in them. */
  short: boolean;
};

export type Vocabulary = {
  /** Feature id → "<language>\u0001<stem> <stem>…". */
  names: string[];
  ids: Map<string, number>;
  /** Words in the feature (1 to 3). */
  lengths: number[];
};

export type ReadTexts = {
  sentences: Sentence[];
  /** Sentences of document d: sentenceStart[d] .. sentenceStart[d + 1]. */
  sentenceStart: Int32Array;
  features: Vocabulary;
  bridges: Vocabulary;
  tools: (language: string) => LanguageTools;
};

// How many first and last sentences of a text make its frame, where cover
// notes, greetings, introductions and sign-offs stand. A text shorter than
// twice that has no inner part to compare its frame with, and no frame.
const FRAME_SENTENCES = 2;
const MAX_PHRASE = 3;

// Clause boundaries: a phrase never spans a comma, a bracket or a dash.
const CLAUSE = /[,;:()[\]{}"“”„«»‹›…|/\\–—]|\s-\s|\.\s/u;
const WORD = /[\p{L}\p{M}]+/gu;
const ACRONYM = /^\p{Lu}[\p{Lu}\d]{1,5}s?$/u;
const ARTICLE = /\b(?:art(?:icles?|ikel|ículo|icolo|igo|ykuł)?\.?)\s*(\d{1,3}[a-z]?)\b/giu;
const COGNATE_MIN_LENGTH = 7;

export function readTexts(documents: readonly ThemeInput[], onDocument?: (done: number) => void): ReadTexts {
  const toolsByLanguage = new Map<string, LanguageTools & { stemOf: (lower: string) => string | null }>();
  const tools = (language: string) => {
    let found = toolsByLanguage.get(language);
    if (!found) {
      const base = languageTools(language);
      const opinion = new Set(OPINION_WORDS[language] ?? []);
      const cache = new Map<string, string | null>();
      const stemOf = (lower: string) => {
        let stem = cache.get(lower);
        if (stem === undefined) {
          stem = opinion.has(lower) ? null : base.termOf(lower);
          cache.set(lower, stem);
        }
        return stem;
      };
      found = { ...base, stemOf, termOf: (word: string) => stemOf(base.lowercase(word)) };
      toolsByLanguage.set(language, found);
    }
    return found;
  };
  const features = emptyVocabulary();
  const bridges = emptyVocabulary();
  const segmenters = new Map<string, Intl.Segmenter>();
  const segmenter = (language: string) => {
    let found = segmenters.get(language);
    if (!found) {
      found = new Intl.Segmenter(safeLocale(language), { granularity: "sentence" });
      segmenters.set(language, found);
    }
    return found;
  };

  const sentences: Sentence[] = [];
  const sentenceStart = new Int32Array(documents.length + 1);
  documents.forEach((document, doc) => {
    sentenceStart[doc] = sentences.length;
    // The first sentences of the first page of an attachment and the last
    // of its last page are its frame, as for a body.
    const attachmentPages = new Map<string, { first: number; last: number }>();
    document.parts.forEach((part) => {
      if (part.source.kind !== "attachment") return;
      const pages = attachmentPages.get(part.source.attachmentId);
      if (!pages) attachmentPages.set(part.source.attachmentId, { first: part.source.page, last: part.source.page });
      else {
        pages.first = Math.min(pages.first, part.source.page);
        pages.last = Math.max(pages.last, part.source.page);
      }
    });
    // A short body beside an attachment with text is a cover note's place: all frame.
    const hasAttachmentText = document.parts.some((part) => part.source.kind === "attachment" && part.text.trim() !== "");
    document.parts.forEach((part, partIndex) => {
      const language = normaliseLanguage(part.language);
      const languageTool = tools(language);
      const spans: [number, number][] = [];
      for (const { segment, index } of segmenter(language).segment(part.text)) {
        const lead = segment.length - segment.trimStart().length;
        const text = segment.trim();
        if (text === "") continue;
        spans.push([index + lead, index + lead + text.length]);
      }
      let frameHead = 0;
      let frameTail = 0;
      if (part.source.kind === "attachment") {
        const pages = attachmentPages.get(part.source.attachmentId);
        if (pages?.first === part.source.page) frameHead = FRAME_SENTENCES;
        if (pages?.last === part.source.page) frameTail = FRAME_SENTENCES;
      } else if (part.source.kind === "body") {
        frameHead = frameTail = FRAME_SENTENCES;
      }
      const coverNote = part.source.kind === "body" && hasAttachmentText && spans.length < 2 * FRAME_SENTENCES;
      const framed = coverNote || spans.length >= 2 * FRAME_SENTENCES;
      if (coverNote) frameHead = spans.length;
      spans.forEach(([start, end], position) => {
        const text = part.text.slice(start, end);
        const read = readSentence(text, language, languageTool, features, bridges);
        sentences.push({
          doc,
          part: partIndex,
          start,
          end,
          language,
          ...read,
          frame: framed && (position < frameHead || position >= spans.length - frameTail),
          short: !framed && part.source.kind === "body",
        });
      });
    });
    onDocument?.(doc + 1);
  });
  sentenceStart[documents.length] = sentences.length;
  return { sentences, sentenceStart, features, bridges, tools };
}

function readSentence(
  text: string,
  language: string,
  tools: LanguageTools & { stemOf: (lower: string) => string | null },
  features: Vocabulary,
  bridges: Vocabulary,
): Pick<Sentence, "wordCount" | "features" | "bridges" | "key" | "shingles"> {
  const featureIds: number[] = [];
  const bridgeIds: number[] = [];
  const lowerWords: string[] = [];
  for (const clause of text.split(CLAUSE)) {
    const words = clause.match(WORD) ?? [];
    let run: string[] = [];
    const flush = () => {
      for (let n = 2; n <= MAX_PHRASE; n += 1) {
        for (let i = 0; i + n <= run.length; i += 1) featureIds.push(idOf(features, `${language}\u0001${run.slice(i, i + n).join(" ")}`, n));
      }
      run = [];
    };
    for (const word of words) {
      const lower = tools.lowercase(word);
      lowerWords.push(lower);
      const stem = tools.stemOf(lower);
      if (ACRONYM.test(word) && /\p{Lu}.*\p{Lu}/u.test(word)) bridgeIds.push(idOf(bridges, `acronym:${word.replace(/s$/u, "")}`, 1));
      if (stem === null) {
        flush();
        continue;
      }
      featureIds.push(idOf(features, `${language}\u0001${stem}`, 1));
      run.push(stem);
      if (lower.length >= COGNATE_MIN_LENGTH) bridgeIds.push(idOf(bridges, `cognate:${cognateKey(lower)}`, 1));
    }
    flush();
  }
  if (/\d/u.test(text)) {
    for (const match of text.matchAll(ARTICLE)) bridgeIds.push(idOf(bridges, `article:${(match[1] as string).toLowerCase()}`, 1));
  }
  // A sentence of one or two words ("Kind regards.") is its own shingle.
  const shingles =
    lowerWords.length < 3
      ? Uint32Array.from(lowerWords.length === 0 ? [] : [fnv1a(lowerWords.join(" "))])
      : Uint32Array.from({ length: lowerWords.length - 2 }, (_, i) => fnv1a(`${lowerWords[i]} ${lowerWords[i + 1]} ${lowerWords[i + 2]}`));
  return { wordCount: lowerWords.length, features: Int32Array.from(featureIds), bridges: Int32Array.from(bridgeIds), key: lowerWords.join(" "), shingles };
}

/**
 * A spelling-independent beginning of a long word: accents off and a few
 * sound-alike letters made one (c/k/z, y/i, ph/f), seven letters kept.
 * Cognates of the languages of Europe meet on it ("transparency",
 * "transparence", "Transparenz"; "certification", "Zertifizierung"); a
 * false friend costs a little weight on one shared feature.
 */
export function cognateKey(lower: string): string {
  return lower
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/ph/gu, "f")
    .replace(/[czq]/gu, "k")
    .replace(/y/gu, "i")
    .slice(0, COGNATE_MIN_LENGTH);
}

function emptyVocabulary(): Vocabulary {
  return { names: [], ids: new Map(), lengths: [] };
}

function idOf(vocabulary: Vocabulary, name: string, length: number): number {
  let id = vocabulary.ids.get(name);
  if (id === undefined) {
    id = vocabulary.names.length;
    vocabulary.ids.set(name, id);
    vocabulary.names.push(name);
    vocabulary.lengths.push(length);
  }
  return id;
}

/** A code the segmenters and word lists accept; anything else is "und" (undetermined). */
export function normaliseLanguage(language: string): string {
  const code = language.trim().toLowerCase();
  return /^[a-z]{2,3}$/u.test(code) ? code : "und";
}

function safeLocale(language: string): string {
  return language === "und" ? "en" : language;
}

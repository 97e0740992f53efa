import type { LanguageTools } from "@/lib/summaries/themes/engine/language-tools";

// Web and e-mail addresses say where something is, not what it is about; a
// host name would otherwise become a term shared by every contribution that
// cites the same site.
const WEB_ADDRESS = /\b(?:https?:\/\/|www\.)\S+/giu;
const MAIL_ADDRESS = /[^\s@]+@[^\s@]+\.[^\s@]+/gu;
// Runs of letters with their combining marks (Devanagari vowel signs, Arabic
// harakat, decomposed accents): digits, punctuation, apostrophes and hyphens
// split words, so numbers and "l'" of "l'agriculture" fall away.
const WORD = /[\p{L}\p{M}]+/gu;

// Chinese and Japanese have no spaces between words. Intl.Segmenter finds
// the words with ICU's dictionary, but at about 4 µs a word it took 20 s for
// 100,000 Japanese contributions. Search engines index these languages by
// overlapping pairs of characters instead (Lucene's CJK bigrams): most
// words are two characters long, and a pair spanning two words is rare
// enough to weigh little. In Japanese, kana mark where kanji words end, so
// a run of up to three kanji is kept whole (自治体, 研究者); katakana runs
// are loanwords, kept whole too (データ, ガイドライン); hiragana runs are
// particles and endings, left out.
const CJK_RUN = /\p{Script=Han}+|[\p{Script=Katakana}ー]+|\p{Script=Hiragana}+|[^\P{L}\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}]+/gu;
const HAN = /^\p{Script=Han}/u;
const KATAKANA = /^[\p{Script=Katakana}ー]/u;
const HIRAGANA = /^\p{Script=Hiragana}/u;

/**
 * The words of a text as written (case kept), in order; in Chinese and
 * Japanese, pairs of Han characters and whole katakana words.
 */
export function tokenise(text: string, tools: Pick<LanguageTools, "language" | "unspaced">): string[] {
  let plain = text.normalize("NFC");
  // Tried only where they can match: the patterns cost more than the rest of the tokenising.
  if (plain.includes("://") || /www\./i.test(plain)) plain = plain.replace(WEB_ADDRESS, " ");
  if (plain.includes("@")) plain = plain.replace(MAIL_ADDRESS, " ");
  if (!tools.unspaced) return plain.match(WORD) ?? [];
  const wholeHan = tools.language === "ja" ? 3 : 2;
  const words: string[] = [];
  for (const run of plain.match(CJK_RUN) ?? []) {
    if (HIRAGANA.test(run)) continue;
    if (KATAKANA.test(run)) {
      const word = run.replace(/^ー+/u, "");
      if (word !== "") words.push(word);
    } else if (HAN.test(run) && run.length > wholeHan) {
      // Code points, not code units: rarer characters lie outside the BMP.
      const characters = Array.from(run);
      if (characters.length <= wholeHan) words.push(run);
      else for (let i = 0; i + 1 < characters.length; i += 1) words.push(`${characters[i]}${characters[i + 1]}`);
    } else {
      words.push(run);
    }
  }
  return words;
}

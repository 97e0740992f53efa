// Quotes of a theme: the sentence of a contribution that says most about the
// theme, cut after a whole word when it is too long. Sentences and words are
// found by Intl.Segmenter in the contribution's language, so a Japanese
// sentence ends at 。 and is cut between words although it has no spaces.

const ELLIPSIS = "…";

/**
 * The sentence of `text` with the highest score (the first of equals), on
 * one line, at most `maxLength` characters.
 */
export function excerptOf(text: string, language: string, score: (sentence: string) => number, maxLength: number): string {
  let best = "";
  let bestScore = -Infinity;
  for (const { segment } of new Intl.Segmenter(language, { granularity: "sentence" }).segment(text)) {
    const sentence = segment.replace(/\s+/gu, " ").trim();
    if (sentence === "") continue;
    const value = score(sentence);
    if (value > bestScore) {
      best = sentence;
      bestScore = value;
    }
  }
  return cutOnWordBoundary(best, language, maxLength);
}

/** The text itself if it fits, otherwise its longest beginning that ends with a whole word, then "…". */
export function cutOnWordBoundary(text: string, language: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const room = maxLength - ELLIPSIS.length;
  let end = 0;
  for (const { segment, index, isWordLike } of new Intl.Segmenter(language, { granularity: "word" }).segment(text)) {
    if (index + segment.length > room) break;
    if (isWordLike) end = index + segment.length;
  }
  // A single word longer than the room (a pasted address): cut between characters.
  if (end === 0) {
    for (const character of text) {
      if (end + character.length > room) break;
      end += character.length;
    }
  }
  return text.slice(0, end).trimEnd() + ELLIPSIS;
}

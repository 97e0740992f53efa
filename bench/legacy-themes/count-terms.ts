import type { LanguageTools } from "@/lib/summaries/themes/engine/language-tools";
import { tokenise } from "@/bench/legacy-themes/tokenise";

/**
 * Term counts of the documents of one language, one row per document in the
 * order read: row d holds termIds[offsets[d] .. offsets[d + 1]) in ascending
 * order with their counts. Term ids follow first appearance, so reading the
 * same documents in the same order gives the same ids.
 */
export type TermCounts = {
  /** The stem of each term id. */
  terms: string[];
  /** How many documents each term appears in. */
  documentFrequency: Int32Array;
  offsets: Int32Array;
  termIds: Int32Array;
  counts: Uint16Array;
  /** The words as people wrote them: for each term, its commonest spelling. */
  readableForms(termIds: readonly number[]): string[];
};

const MAX_COUNT = 0xffff;

export function countTerms(texts: Iterable<string>, tools: LanguageTools): TermCounts {
  // Every distinct spelling is looked up once: the stemmer is the slow part
  // (about 8 µs a word), a Map lookup is not.
  const spellingIds = new Map<string, number>();
  const spellings: string[] = [];
  const spellingTerm: number[] = [];
  const spellingCount: number[] = [];
  const lowerTerm = new Map<string, number>();
  const termIdByStem = new Map<string, number>();
  const terms: string[] = [];
  const frequency: number[] = [];

  const offsets: number[] = [0];
  const rowTerms: number[] = [];
  const rowCounts: number[] = [];
  const documentTerms: number[] = [];

  const termIdOf = (word: string): number => {
    const lower = tools.lowercase(word);
    let id = lowerTerm.get(lower);
    if (id === undefined) {
      const stem = tools.termOf(lower);
      if (stem === null) {
        id = -1;
      } else {
        id = termIdByStem.get(stem);
        if (id === undefined) {
          id = terms.length;
          termIdByStem.set(stem, id);
          terms.push(stem);
          frequency.push(0);
        }
      }
      lowerTerm.set(lower, id);
    }
    return id;
  };

  for (const text of texts) {
    documentTerms.length = 0;
    for (const word of tokenise(text, tools)) {
      let spelling = spellingIds.get(word);
      if (spelling === undefined) {
        spelling = spellings.length;
        spellingIds.set(word, spelling);
        spellings.push(word);
        spellingTerm.push(termIdOf(word));
        spellingCount.push(0);
      }
      const termId = spellingTerm[spelling] as number;
      if (termId < 0) continue;
      spellingCount[spelling] = (spellingCount[spelling] as number) + 1;
      documentTerms.push(termId);
    }
    documentTerms.sort((a, b) => a - b);
    for (let i = 0; i < documentTerms.length; ) {
      const termId = documentTerms[i] as number;
      let j = i + 1;
      while (j < documentTerms.length && documentTerms[j] === termId) j += 1;
      rowTerms.push(termId);
      rowCounts.push(Math.min(j - i, MAX_COUNT));
      frequency[termId] = (frequency[termId] as number) + 1;
      i = j;
    }
    offsets.push(rowTerms.length);
  }

  return {
    terms,
    documentFrequency: Int32Array.from(frequency),
    offsets: Int32Array.from(offsets),
    termIds: Int32Array.from(rowTerms),
    counts: Uint16Array.from(rowCounts),
    readableForms(termIds) {
      // The commonest lower-case word of the stem ("cycling" for "cycl"),
      // then its commonest capitalisation ("EU" rather than "eu").
      const wanted = new Map(termIds.map((termId) => [termId, new Map<string, { total: number; spelling: string; count: number }>()]));
      spellings.forEach((spelling, id) => {
        const byLower = wanted.get(spellingTerm[id] as number);
        if (!byLower) return;
        const count = spellingCount[id] as number;
        const lower = tools.lowercase(spelling);
        const entry = byLower.get(lower);
        if (!entry) {
          byLower.set(lower, { total: count, spelling, count });
          return;
        }
        entry.total += count;
        // Between equally common spellings, the lower-case one, then a fixed order.
        const better = count > entry.count || (count === entry.count && (spelling === lower ? entry.spelling !== lower : entry.spelling !== lower && spelling < entry.spelling));
        if (better) {
          entry.spelling = spelling;
          entry.count = count;
        }
      });
      return termIds.map((termId) => {
        let best: { lower: string; total: number; spelling: string } | null = null;
        for (const [lower, entry] of wanted.get(termId) ?? []) {
          if (!best || entry.total > best.total || (entry.total === best.total && lower < best.lower)) best = { lower, total: entry.total, spelling: entry.spelling };
        }
        return best?.spelling ?? (terms[termId] as string);
      });
    },
  };
}

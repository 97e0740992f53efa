import type { TermCounts } from "@/bench/legacy-themes/count-terms";

/**
 * TF-IDF vectors of unit length, one sparse row per document (compressed
 * rows: row d is indices/values[offsets[d] .. offsets[d + 1])). A document
 * with none of the vocabulary's terms has an empty row.
 */
export type TermVectors = {
  rows: number;
  /** Size of the vocabulary: column c is term id vocabulary[c]. */
  columns: number;
  vocabulary: Int32Array;
  offsets: Int32Array;
  indices: Int32Array;
  values: Float32Array;
};

// The vocabulary leaves out terms of a single document (they group nothing)
// and terms of more than 70 % of them (they separate nothing, and are
// mostly the stop words a list missed), then keeps the most widespread
// ones: the centroids are dense arrays of this size, so it bounds memory
// and time whatever the number of documents. The cut is not at half: in a
// consultation on one subject its words are in most contributions, and a
// short contribution made of them alone would drop out of every theme.
const MIN_DOCUMENT_FREQUENCY = 2;
const MAX_DOCUMENT_SHARE = 0.7;
const MAX_VOCABULARY = 5_000;

export function buildTermVectors(counts: TermCounts): TermVectors {
  const rows = counts.offsets.length - 1;
  const frequency = counts.documentFrequency;
  const candidates: number[] = [];
  for (let termId = 0; termId < frequency.length; termId += 1) {
    const df = frequency[termId] as number;
    if (df >= MIN_DOCUMENT_FREQUENCY && df <= rows * MAX_DOCUMENT_SHARE) candidates.push(termId);
  }
  // By frequency, then by the stem itself: never by first appearance, which
  // depends on the documents' order.
  candidates.sort((a, b) => (frequency[b] as number) - (frequency[a] as number) || compareStrings(counts.terms[a] as string, counts.terms[b] as string));
  const vocabulary = Int32Array.from(candidates.slice(0, MAX_VOCABULARY));

  const column = new Int32Array(frequency.length).fill(-1);
  const idf = new Float64Array(vocabulary.length);
  vocabulary.forEach((termId, index) => {
    column[termId] = index;
    idf[index] = Math.log((1 + rows) / (1 + (frequency[termId] as number))) + 1;
  });

  const offsets = new Int32Array(rows + 1);
  let size = 0;
  for (let d = 0; d < rows; d += 1) {
    for (let p = counts.offsets[d] as number; p < (counts.offsets[d + 1] as number); p += 1) {
      if ((column[counts.termIds[p] as number] as number) >= 0) size += 1;
    }
    offsets[d + 1] = size;
  }
  const indices = new Int32Array(size);
  const values = new Float32Array(size);
  for (let d = 0; d < rows; d += 1) {
    const start = offsets[d] as number;
    let at = start;
    let norm = 0;
    for (let p = counts.offsets[d] as number; p < (counts.offsets[d + 1] as number); p += 1) {
      const c = column[counts.termIds[p] as number] as number;
      if (c < 0) continue;
      // Sublinear term frequency: a word said five times is not five times the topic.
      const weight = (1 + Math.log(counts.counts[p] as number)) * (idf[c] as number);
      indices[at] = c;
      values[at] = weight;
      norm += weight * weight;
      at += 1;
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let p = start; p < at; p += 1) values[p] = (values[p] as number) * scale;
  }
  return { rows, columns: vocabulary.length, vocabulary, offsets, indices, values };
}

/** Code unit order: the same on every machine, unlike localeCompare. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// The parameters of near-duplicate detection (docs/decisions/0013-near-duplicates.md),
// isomorphic: the open-data page states them from here.

/** Tokens per shingle. Three: the Polis comments are 10 to 40 words, five would leave too few shingles to compare. */
export const SHINGLE_SIZE = 3;
/** Positions of the MinHash signature: the estimate's standard error is at most 0.5/√128 ≈ 0.044. */
export const SIGNATURE_SIZE = 128;
/** LSH bands × rows = SIGNATURE_SIZE. 32 × 4 makes a pair at J = 0.6 a candidate with probability 0.99, at 0.3 with 0.23. */
export const BANDS = 32;
export const ROWS_PER_BAND = SIGNATURE_SIZE / BANDS;

/** Estimated Jaccard similarity from which two texts are near-identical (chosen on the Polis corpora: decision 0013). */
export const NEAR_THRESHOLD = 0.6;
/**
 * Texts under this many words never join a near group, and join an exact
 * group only from MIN_EXACT_WORDS: "I agree." written by twenty people is
 * not a campaign, and three shingles say nothing about a copy.
 */
export const MIN_NEAR_WORDS = 10;
export const MIN_EXACT_WORDS = 5;

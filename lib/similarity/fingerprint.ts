import { createHash } from "node:crypto";

// The fingerprint of a text for near-duplicate detection (issue 10, item 4;
// docs/decisions/0013-near-duplicates.md): pure functions, no database.
//
// normalise → tokens → shingles of SHINGLE_SIZE tokens → a MinHash signature
// of SIGNATURE_SIZE 32-bit minima → BANDS LSH buckets of ROWS_PER_BAND rows.
// Two texts whose signatures agree on a share s of their positions have an
// estimated Jaccard similarity s of their shingle sets.

import { BANDS, MIN_EXACT_WORDS, MIN_NEAR_WORDS, ROWS_PER_BAND, SHINGLE_SIZE, SIGNATURE_SIZE } from "@/lib/similarity/method";

export type TextFingerprint = {
  /** SHA-256 (hex) of the normalised text. */
  textHash: string;
  wordCount: number;
  /** SIGNATURE_SIZE signed 32-bit integers (PostgreSQL int4). */
  minhash: number[];
  /** BANDS bucket ids, each with its band index in the high bits (so equal rows in different bands never meet). */
  buckets: bigint[];
};

// Han, Hiragana, Katakana, Hangul syllables: scripts written without spaces,
// where each character is taken as a token (vTaiwan's comments are Chinese).
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const UNSPACED_ALL = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])/gu;

/**
 * Lower case, Unicode NFKC, every run of characters that is not a letter, a
 * digit or a combining mark (punctuation, symbols, white space) one space,
 * trimmed. "Don't!" and "don t" are the same text: a copy with other quotes
 * or dashes is a copy.
 */
export function normaliseText(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, " ")
    .trim();
}

/** The normalised text's tokens: its words, and each character of the scripts written without spaces. */
export function tokenise(normalised: string): string[] {
  if (normalised === "") return [];
  const spaced = UNSPACED.test(normalised) ? normalised.replace(UNSPACED_ALL, " $1 ") : normalised;
  return spaced.split(" ").filter((token) => token !== "");
}

/** SHA-256 hex of a string's UTF-8 bytes. */
export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** FNV-1a, 32 bits, over the UTF-16 code units of a string. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** MurmurHash3's finaliser: a bijection of 32-bit integers that spreads every input bit. */
function fmix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// One seed per position, from a fixed xorshift32 sequence: the signatures of
// every run, process and version agree (they are stored).
const SEEDS = (() => {
  const seeds = new Uint32Array(SIGNATURE_SIZE);
  let state = 0x9e3779b9;
  for (let index = 0; index < SIGNATURE_SIZE; index++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    seeds[index] = state >>> 0;
  }
  return seeds;
})();

/** The distinct shingle hashes of a token list; a text shorter than a shingle is one shingle of all its tokens. */
export function shingleHashes(tokens: string[], size = SHINGLE_SIZE): Uint32Array {
  const count = Math.max(1, tokens.length - size + 1);
  const hashes = new Set<number>();
  if (tokens.length === 0) return new Uint32Array();
  for (let start = 0; start < count; start++) hashes.add(fnv1a(tokens.slice(start, start + size).join(" ")));
  return Uint32Array.from(hashes);
}

/** Position i is the least of fmix32(shingle ^ seed_i) over the shingles: SIGNATURE_SIZE permutations of the hashes. */
export function minhashSignature(shingles: Uint32Array): Int32Array {
  const signature = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (const shingle of shingles) {
    for (let index = 0; index < SIGNATURE_SIZE; index++) {
      const value = fmix32(shingle ^ SEEDS[index]!);
      if (value < signature[index]!) signature[index] = value;
    }
  }
  // int4 in PostgreSQL: the same bits, signed.
  return new Int32Array(signature.buffer);
}

/** Each band's rows hashed to 32 bits, with the band index above them: band × 2³² + hash (below 2⁵³, exact as a number). */
export function lshBuckets(signature: ArrayLike<number>): number[] {
  const buckets: number[] = [];
  for (let band = 0; band < BANDS; band++) {
    let hash = 0x811c9dc5 ^ band;
    for (let row = 0; row < ROWS_PER_BAND; row++) {
      hash = Math.imul(hash ^ signature[band * ROWS_PER_BAND + row]!, 0x01000193);
      hash = fmix32(hash);
    }
    buckets.push(band * 2 ** 32 + (hash >>> 0));
  }
  return buckets;
}

/** The share of positions where two signatures agree: the estimated Jaccard similarity of their shingle sets. */
export function estimatedJaccard(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let same = 0;
  for (let index = 0; index < SIGNATURE_SIZE; index++) if (a[index] === b[index]) same++;
  return same / SIGNATURE_SIZE;
}

/** The exact Jaccard similarity of two shingle sets (for tests and the threshold study). */
export function exactJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  const left = new Set(a);
  let shared = 0;
  for (const value of new Set(b)) if (left.has(value)) shared++;
  return shared / (left.size + new Set(b).size - shared);
}

/** Everything stored of a text. */
export function fingerprintText(text: string): TextFingerprint {
  const normalised = normaliseText(text);
  const tokens = tokenise(normalised);
  const signature = minhashSignature(shingleHashes(tokens));
  return {
    textHash: sha256Hex(tokens.join(" ")),
    wordCount: tokens.length,
    minhash: Array.from(signature),
    buckets: lshBuckets(signature).map((bucket) => BigInt(bucket)),
  };
}

/** May this text join an exact group by its text? (Attachments group whatever the text.) */
export const groupsExactly = (wordCount: number) => wordCount >= MIN_EXACT_WORDS;
/** May this text join a near group? */
export const groupsNearly = (wordCount: number) => wordCount >= MIN_NEAR_WORDS;

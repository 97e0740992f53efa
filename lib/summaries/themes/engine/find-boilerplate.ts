import type { Sentence } from "@/lib/summaries/themes/engine/read-texts";

// Boilerplate is left out of the theme vectors (never out of the text):
// cover notes, greetings, self-introductions, legal footers and template
// sentences carry the same words across many contributions, and would
// otherwise make themes of their own ("please find attached our position
// paper", "X is the European association of …"). Three signs, each counted
// in groups of near-identical texts, so that a campaign or a joint paper is
// one voice and its shared text is not taken for a template:
//
// 1. Repeated sentences: the same sentence (same words, numbers aside) in
//    REPEATED_IN_GROUPS or more groups is a template or a formula.
// 2. Page furniture: a sentence on several pages of one attachment (a
//    footer, a running header, a contact line).
// 3. Frame sentences: the first and last sentences of a text (and a short
//    body beside an attachment, a cover note's place) whose three-word
//    shingles are mostly frame-typical: seen in the frames of several groups
//    and rarely inside texts. "Please find attached", "is the European
//    association of", "we remain at your disposal" are; "high-risk AI
//    systems" is not, whatever sentence it opens, because it is said inside
//    texts as well.

export const SENTENCE_KIND = { content: 0, repeated: 1, frame: 2, pageFurniture: 3 } as const;

const REPEATED_IN_GROUPS = 3;
// A shorter sentence ("Thank you.", "Page 3 of 12") says too little to be a
// template; the frame test judges it.
const REPEATED_MIN_WORDS = 5;
const FURNITURE_MIN_PAGES = 3;
const FURNITURE_MIN_WORDS = 2;
const FRAME_TYPICAL_IN_GROUPS = 3;
// How much likelier in frames than inside texts a shingle must be.
const FRAME_TYPICAL_RATIO = 3;
const FRAME_TYPICAL_SHARE = 0.4;

export function findBoilerplate(sentences: readonly Sentence[], groupOf: (doc: number) => number): Uint8Array {
  const kinds = new Uint8Array(sentences.length);

  // 1. Repeated sentences, by group.
  const sentenceGroups = new Map<string, Set<number>>();
  for (const sentence of sentences) {
    if (sentence.wordCount < REPEATED_MIN_WORDS) continue;
    let groups = sentenceGroups.get(sentence.key);
    if (!groups) sentenceGroups.set(sentence.key, (groups = new Set()));
    if (groups.size < REPEATED_IN_GROUPS) groups.add(groupOf(sentence.doc));
  }

  // 2. Page furniture: a key on several pages (parts) of one document.
  const furniture = new Set<string>();
  const pagesOfKey = new Map<string, Set<number>>();
  let currentDoc = -1;
  const partsOfDoc = new Set<number>();
  // On three pages, or on every page of a shorter paper (of two pages at least).
  const flushDocument = () => {
    const needed = Math.max(2, Math.min(FURNITURE_MIN_PAGES, partsOfDoc.size));
    for (const [key, parts] of pagesOfKey) if (parts.size >= needed) furniture.add(`${currentDoc}\u0001${key}`);
    pagesOfKey.clear();
    partsOfDoc.clear();
  };
  for (const sentence of sentences) {
    if (sentence.doc !== currentDoc) {
      flushDocument();
      currentDoc = sentence.doc;
    }
    partsOfDoc.add(sentence.part);
    if (sentence.wordCount < FURNITURE_MIN_WORDS) continue;
    let parts = pagesOfKey.get(sentence.key);
    if (!parts) pagesOfKey.set(sentence.key, (parts = new Set()));
    parts.add(sentence.part);
  }
  flushDocument();

  // 3. Frame-typical shingles: in how many groups each is seen in a frame, and inside.
  const frameGroups = new Map<number, number>();
  const innerGroups = new Map<number, number>();
  const lastFrame = new Map<number, number>();
  const lastInner = new Map<number, number>();
  const framedGroups = new Set<number>();
  const innerGroupSet = new Set<number>();
  for (const sentence of sentences) {
    if (sentence.short) continue;
    const group = groupOf(sentence.doc);
    const [counts, last] = sentence.frame ? [frameGroups, lastFrame] : [innerGroups, lastInner];
    (sentence.frame ? framedGroups : innerGroupSet).add(group);
    for (const shingle of sentence.shingles) {
      if (last.get(shingle) === group) continue;
      last.set(shingle, group);
      counts.set(shingle, (counts.get(shingle) ?? 0) + 1);
    }
  }
  const frameTotal = Math.max(1, framedGroups.size);
  const innerTotal = innerGroupSet.size;
  const frameTypical = (shingle: number) => {
    const inFrames = frameGroups.get(shingle) ?? 0;
    if (inFrames < FRAME_TYPICAL_IN_GROUPS) return false;
    // Smoothed, so that a consultation of short texts (few inner sentences)
    // does not make every shingle of its frames "typical".
    const innerRate = ((innerGroups.get(shingle) ?? 0) + 1) / (innerTotal + 2);
    return inFrames / frameTotal >= FRAME_TYPICAL_RATIO * innerRate;
  };

  sentences.forEach((sentence, index) => {
    if (sentence.wordCount >= REPEATED_MIN_WORDS && (sentenceGroups.get(sentence.key)?.size ?? 0) >= REPEATED_IN_GROUPS) {
      kinds[index] = SENTENCE_KIND.repeated;
    } else if (furniture.has(`${sentence.doc}\u0001${sentence.key}`)) {
      kinds[index] = SENTENCE_KIND.pageFurniture;
    } else if ((sentence.frame || sentence.short) && innerTotal > 0 && sentence.shingles.length > 0) {
      let typical = 0;
      for (const shingle of sentence.shingles) if (frameTypical(shingle)) typical += 1;
      if (typical / sentence.shingles.length >= FRAME_TYPICAL_SHARE) kinds[index] = SENTENCE_KIND.frame;
    }
  });
  return kinds;
}

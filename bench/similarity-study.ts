// The threshold study of docs/decisions/0013-near-duplicates.md: every pair
// of comments of the Polis corpora (../shared/corpora/polis, CC BY 4.0, The
// Computational Democracy Project) by exact Jaccard similarity of their
// 3-word shingles, with examples at each level. `npx tsx bench/similarity-study.ts`
import { exactJaccard, normaliseText, shingleHashes, tokenise } from "@/lib/similarity/fingerprint";
import { readPolisComments, POLIS_CORPORA } from "@/bench/polis";

const LEVELS = [0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0];

for (const corpus of POLIS_CORPORA) {
  const comments = readPolisComments(corpus);
  const docs = comments.map((comment) => {
    const tokens = tokenise(normaliseText(comment.body));
    return { ...comment, words: tokens.length, shingles: shingleHashes(tokens) };
  });
  const histogram = new Map<number, number>();
  const examples = new Map<number, string[]>();
  for (let i = 0; i < docs.length; i++) {
    const a = docs[i]!;
    for (let j = i + 1; j < docs.length; j++) {
      const b = docs[j]!;
      if (a.words < 5 || b.words < 5) continue;
      const similarity = exactJaccard(a.shingles, b.shingles);
      const level = [...LEVELS].reverse().find((value) => similarity >= value);
      if (level === undefined) continue;
      histogram.set(level, (histogram.get(level) ?? 0) + 1);
      const list = examples.get(level) ?? [];
      if (list.length < 4) list.push(`${similarity.toFixed(2)} [${a.words}w] ${a.body.slice(0, 160)}\n        [${b.words}w] ${b.body.slice(0, 160)}`);
      examples.set(level, list);
    }
  }
  console.log(`\n## ${corpus}: ${docs.length} comments`);
  for (const level of LEVELS) {
    console.log(`  >= ${level}: ${histogram.get(level) ?? 0} pairs`);
    for (const example of examples.get(level) ?? []) console.log(`     ${example}`);
  }
}

import { describe, expect, it } from "vitest";
import { clusterFingerprints, kindOf, UnionFind } from "@/lib/similarity/cluster";
import { estimatedJaccard, exactJaccard, fingerprintText, lshBuckets, minhashSignature, normaliseText, shingleHashes, tokenise } from "@/lib/similarity/fingerprint";
import { BANDS, SIGNATURE_SIZE } from "@/lib/similarity/method";
import { wordDiff } from "@/lib/similarity/word-diff";

const LETTER =
  "We call on the Commission to keep the ban on remote biometric identification in public spaces, to require independent audits of high risk systems, and to give every person affected by an automated decision a right to an explanation and to a human review.";

describe("normalising and tokenising", () => {
  it("sets aside case, Unicode forms, punctuation and spacing", () => {
    expect(normaliseText("  Ｄon’t — STOP!!\n\tthe  “AI Act”… ")).toBe("don t stop the ai act");
    expect(normaliseText("ﬁnance")).toBe(normaliseText("finance"));
    expect(fingerprintText("Café au lait, please.").textHash).toBe(fingerprintText("CAFE\u0301 AU LAIT please").textHash);
  });

  it("takes each Han character as a word", () => {
    expect(tokenise(normaliseText("我覺得Uber提供了"))).toEqual(["我", "覺", "得", "uber", "提", "供", "了"]);
    expect(fingerprintText("我覺得Uber提供了更便利的乘車環境").wordCount).toBe(15);
  });
});

describe("MinHash and LSH", () => {
  it("are deterministic: the stored signatures of every run agree", () => {
    expect(fingerprintText(LETTER)).toEqual(fingerprintText(LETTER));
    const { minhash, buckets } = fingerprintText(LETTER);
    expect(minhash).toHaveLength(SIGNATURE_SIZE);
    expect(buckets).toHaveLength(BANDS);
    // The band index is in the high bits: the same rows in two bands never share a bucket.
    expect(buckets.map((bucket) => Number(bucket >> 32n))).toEqual(Array.from({ length: BANDS }, (_, band) => band));
    expect(minhash.every((value) => Number.isInteger(value) && value >= -(2 ** 31) && value < 2 ** 31)).toBe(true);
  });

  it("estimates the Jaccard similarity of the shingles within a few hundredths", () => {
    const variants = [`${LETTER} As a nurse I see how triage tools misjudge older patients every day.`, LETTER.replace("independent audits", "yearly audits"), "Trains should run every quarter of an hour between the two cities, at night too."];
    const base = shingleHashes(tokenise(normaliseText(LETTER)));
    for (const variant of variants) {
      const other = shingleHashes(tokenise(normaliseText(variant)));
      const estimate = estimatedJaccard(minhashSignature(base), minhashSignature(other));
      expect(Math.abs(estimate - exactJaccard(base, other))).toBeLessThan(0.12);
    }
  });

  it("puts identical signatures in the same buckets, and different texts in different ones", () => {
    const a = lshBuckets(minhashSignature(shingleHashes(tokenise(normaliseText(LETTER)))));
    expect(lshBuckets(minhashSignature(shingleHashes(tokenise(normaliseText(LETTER.toUpperCase())))))).toEqual(a);
    const other = lshBuckets(minhashSignature(shingleHashes(tokenise(normaliseText("Something else entirely about buses, trains and the timetables of the night lines.")))));
    expect(a.filter((bucket, band) => bucket === other[band])).toEqual([]);
  });
});

describe("clustering", () => {
  const input = (text: string, files: string[] = []) => ({ ...fingerprintText(text), attachmentHashes: files });

  it("links same texts, same files and near texts, transitively, and leaves short texts alone", () => {
    const { leaders, kinds } = clusterFingerprints([
      input(LETTER),
      input("I agree."),
      input(`${LETTER} And please hurry.`),
      input("I agree."),
      input("See attached.", ["f1"]),
      input("Our paper.", ["f1"]),
    ]);
    expect(Array.from(leaders)).toEqual([0, -1, 0, -1, 4, 4]);
    expect(Object.fromEntries(kinds)).toEqual({ 0: "NEAR", 4: "EXACT" });
  });

  it("calls a group exact when all its members share the text or one file", () => {
    const same = input(LETTER);
    expect(kindOf([same, same])).toBe("EXACT");
    expect(kindOf([input("a", ["x", "y"]), input("b", ["y"]), input("c", ["y", "z"])])).toBe("EXACT");
    expect(kindOf([input("a", ["x"]), input("b", ["x", "y"]), input("c", ["y"])])).toBe("NEAR");
  });

  it("union-find keeps the first member as the root", () => {
    const sets = new UnionFind(5);
    sets.union(4, 3);
    sets.union(3, 1);
    sets.union(2, 0);
    expect([0, 1, 2, 3, 4].map((index) => sets.find(index))).toEqual([0, 1, 0, 1, 1]);
  });
});

describe("word differences", () => {
  it("gives the added sentence as added words, a changed word as removed and added", () => {
    const added = wordDiff("One two three.", "One two three. Four five.");
    expect(added).toMatchObject({ kind: "parts", addedWords: 2, removedWords: 0 });
    const changed = wordDiff("Keep the ban.", "Lift the ban.");
    expect(changed.kind === "parts" && changed.parts.map((part) => [part.kind, part.text])).toEqual([
      ["removed", "Keep"],
      ["added", "Lift"],
      ["same", " the ban."],
    ]);
    expect(wordDiff("Same text.", "Same text.")).toEqual({ kind: "identical" });
  });
});

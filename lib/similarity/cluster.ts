import { estimatedJaccard, groupsExactly, groupsNearly, lshBuckets } from "@/lib/similarity/fingerprint";
import { BANDS, NEAR_THRESHOLD } from "@/lib/similarity/method";

// Grouping a whole consultation at once (pure, in memory): union-find over
// three kinds of link, then one group per component of two or more.
//  - the same text hash (texts of MIN_EXACT_WORDS or more);
//  - an attachment of the same bytes (a joint paper: whatever the cover note);
//  - near: a shared LSH bucket, verified by an estimated Jaccard similarity
//    of NEAR_THRESHOLD or more (texts of MIN_NEAR_WORDS or more).
// Identical texts are compared once (the first of each text hash), and the
// bands one at a time, so memory is one signature per distinct text and one
// map of one band's buckets.

export type ClusterInput = {
  textHash: string;
  wordCount: number;
  /** The MinHash signature; only read for texts that may group nearly. */
  minhash: ArrayLike<number> | null;
  attachmentHashes: readonly string[];
};

export type ClusterKind = "EXACT" | "NEAR";

/** For each input, the index of its component's first member, or -1 when it is alone. */
export type Clusters = { leaders: Int32Array; kinds: Map<number, ClusterKind> };

/** How many earlier texts each bucket keeps to compare with: members of one campaign all share buckets, a few of them suffice. */
const BUCKET_CAP = 8;

export class UnionFind {
  private readonly parent: Int32Array;
  constructor(size: number) {
    this.parent = new Int32Array(size);
    for (let index = 0; index < size; index++) this.parent[index] = index;
  }
  find(index: number): number {
    let root = index;
    while (this.parent[root] !== root) root = this.parent[root]!;
    for (let at = index; this.parent[at] !== root; ) {
      const up = this.parent[at]!;
      this.parent[at] = root;
      at = up;
    }
    return root;
  }
  /** The smaller index stays the root: a component's root is its first member. */
  union(a: number, b: number): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA === rootB) return;
    if (rootA < rootB) this.parent[rootB] = rootA;
    else this.parent[rootA] = rootB;
  }
}

export function clusterFingerprints(inputs: readonly ClusterInput[], onBand?: (band: number) => void): Clusters {
  const sets = new UnionFind(inputs.length);

  const firstOfText = new Map<string, number>();
  const firstOfFile = new Map<string, number>();
  // The texts compared nearly: the first of each distinct text that is long enough.
  const nearIndexes: number[] = [];
  inputs.forEach((input, index) => {
    const first = firstOfText.get(input.textHash);
    if (first === undefined) {
      firstOfText.set(input.textHash, index);
      if (groupsNearly(input.wordCount) && input.minhash) nearIndexes.push(index);
    } else if (groupsExactly(input.wordCount)) sets.union(first, index);
    for (const hash of input.attachmentHashes) {
      const holder = firstOfFile.get(hash);
      if (holder === undefined) firstOfFile.set(hash, index);
      else sets.union(holder, index);
    }
  });

  const buckets = nearIndexes.map((index) => lshBuckets(inputs[index]!.minhash!));
  for (let band = 0; band < BANDS; band++) {
    const seen = new Map<number, number[]>();
    nearIndexes.forEach((index, position) => {
      const key = buckets[position]![band]!;
      const earlier = seen.get(key);
      if (!earlier) {
        seen.set(key, [index]);
        return;
      }
      for (const other of earlier) {
        if (sets.find(other) === sets.find(index)) continue;
        if (estimatedJaccard(inputs[other]!.minhash!, inputs[index]!.minhash!) >= NEAR_THRESHOLD) sets.union(other, index);
      }
      if (earlier.length < BUCKET_CAP) earlier.push(index);
    });
    onBand?.(band);
  }

  const leaders = new Int32Array(inputs.length);
  const sizes = new Map<number, number>();
  for (let index = 0; index < inputs.length; index++) {
    const root = sets.find(index);
    leaders[index] = root;
    sizes.set(root, (sizes.get(root) ?? 0) + 1);
  }
  const members = new Map<number, ClusterInput[]>();
  for (let index = 0; index < inputs.length; index++) {
    const leader = leaders[index]!;
    if (sizes.get(leader)! < 2) {
      leaders[index] = -1;
      continue;
    }
    const list = members.get(leader);
    if (list) list.push(inputs[index]!);
    else members.set(leader, [inputs[index]!]);
  }
  const kinds = new Map<number, ClusterKind>();
  for (const [leader, list] of members) kinds.set(leader, kindOf(list));
  return { leaders, kinds };
}

/**
 * EXACT when every member has the same text (long enough to count), or every
 * member carries one same file (a joint paper with different cover notes);
 * NEAR otherwise.
 */
export function kindOf(members: readonly Pick<ClusterInput, "textHash" | "wordCount" | "attachmentHashes">[]): ClusterKind {
  const [first, ...rest] = members;
  if (!first) return "NEAR";
  if (groupsExactly(first.wordCount) && rest.every((member) => member.textHash === first.textHash)) return "EXACT";
  let shared = new Set(first.attachmentHashes);
  for (const member of rest) {
    shared = new Set(member.attachmentHashes.filter((hash) => shared.has(hash)));
    if (shared.size === 0) return "NEAR";
  }
  return shared.size > 0 ? "EXACT" : "NEAR";
}

import type { TermVectors } from "@/bench/legacy-themes/build-term-vectors";

// Spherical k-means: documents and centroids are unit vectors and a document
// joins the centroid of highest cosine similarity, the usual k-means for
// TF-IDF text (Dhillon and Modha, 2001). Everything is deterministic: the
// seeding draws from a seeded generator, ties go to the lower cluster or row
// number, and sums run in row order, so the same rows in the same order give
// the same clusters to the last bit.

/**
 * Centroids are stored term-major, centroids[column * k + cluster], so the k
 * similarities of a document are accumulated in one pass over its terms.
 */
export type Clustering = {
  k: number;
  centroids: Float64Array;
  /** The cluster of rows[i]. */
  labels: Int32Array;
  /** Cosine similarity of rows[i] to its centroid. */
  similarity: Float64Array;
};

const MAX_ITERATIONS = 30;

/** Similarities of one row to the k centroids, written into `out`. */
function centroidSimilarities(vectors: TermVectors, row: number, centroids: Float64Array, k: number, out: Float64Array): void {
  out.fill(0, 0, k);
  for (let p = vectors.offsets[row] as number; p < (vectors.offsets[row + 1] as number); p += 1) {
    const weight = vectors.values[p] as number;
    const base = (vectors.indices[p] as number) * k;
    for (let c = 0; c < k; c += 1) out[c] = (out[c] as number) + weight * (centroids[base + c] as number);
  }
}

/**
 * k-means++ seeding (Arthur and Vassilvitskii, 2007) with cosine distance:
 * each next seed is a row drawn with probability proportional to the square
 * of its distance to the nearest seed so far.
 */
export function seedCentroids(vectors: TermVectors, rows: Int32Array, k: number, random: () => number): Float64Array {
  const centroids = new Float64Array(vectors.columns * k);
  const distance = new Float64Array(rows.length).fill(Infinity);
  const dense = new Float64Array(vectors.columns);
  const chosen = new Set<number>();
  let next = Math.floor(random() * rows.length);
  for (let c = 0; c < k; c += 1) {
    chosen.add(next);
    const row = rows[next] as number;
    const start = vectors.offsets[row] as number;
    const end = vectors.offsets[row + 1] as number;
    for (let p = start; p < end; p += 1) {
      dense[vectors.indices[p] as number] = vectors.values[p] as number;
      centroids[(vectors.indices[p] as number) * k + c] = vectors.values[p] as number;
    }
    let total = 0;
    for (let i = 0; i < rows.length; i += 1) {
      const d = Math.max(0, 1 - sparseDenseDot(vectors, rows[i] as number, dense));
      if (d < (distance[i] as number)) distance[i] = d;
      total += (distance[i] as number) ** 2;
    }
    for (let p = start; p < end; p += 1) dense[vectors.indices[p] as number] = 0;
    if (c === k - 1) break;
    next = -1;
    if (total > 0) {
      let roll = random() * total;
      for (let i = 0; i < rows.length; i += 1) {
        const weight = (distance[i] as number) ** 2;
        if (weight === 0) continue;
        next = i;
        roll -= weight;
        if (roll < 0) break;
      }
    }
    // Every row is a copy of a seed: take the first row not chosen yet.
    if (next < 0 || chosen.has(next)) {
      next = 0;
      while (chosen.has(next)) next += 1;
    }
  }
  return centroids;
}

/** Lloyd iterations from the given centroids until the clusters settle. */
export function sphericalKMeans(vectors: TermVectors, rows: Int32Array, initial: Float64Array, k: number): Clustering {
  const centroids = Float64Array.from(initial);
  const labels = new Int32Array(rows.length).fill(-1);
  const similarity = new Float64Array(rows.length);
  const scratch = new Float64Array(k);

  const assign = (): number => {
    let changed = 0;
    for (let i = 0; i < rows.length; i += 1) {
      centroidSimilarities(vectors, rows[i] as number, centroids, k, scratch);
      let best = 0;
      for (let c = 1; c < k; c += 1) if ((scratch[c] as number) > (scratch[best] as number)) best = c;
      if (labels[i] !== best) changed += 1;
      labels[i] = best;
      similarity[i] = scratch[best] as number;
    }
    return changed;
  };

  // Below a thousand rows, until nothing moves; above, until fewer than one
  // row in a thousand does: the last passes over 100,000 rows would move a
  // handful of borderline documents back and forth.
  const settled = Math.floor(rows.length / 1_000);
  let changed = assign();
  for (let iteration = 0; changed > settled && iteration < MAX_ITERATIONS; iteration += 1) {
    refillEmptyClusters(labels, similarity, k);
    centroids.fill(0);
    for (let i = 0; i < rows.length; i += 1) {
      const row = rows[i] as number;
      const c = labels[i] as number;
      for (let p = vectors.offsets[row] as number; p < (vectors.offsets[row + 1] as number); p += 1) {
        const at = (vectors.indices[p] as number) * k + c;
        centroids[at] = (centroids[at] as number) + (vectors.values[p] as number);
      }
    }
    normaliseCentroids(centroids, k);
    changed = assign();
  }
  return { k, centroids, labels, similarity };
}

/**
 * A cluster left empty takes the row that fits its own cluster worst, from a
 * cluster that keeps at least one row.
 */
function refillEmptyClusters(labels: Int32Array, similarity: Float64Array, k: number): void {
  const sizes = new Int32Array(k);
  for (const label of labels) sizes[label] = (sizes[label] as number) + 1;
  for (let c = 0; c < k; c += 1) {
    if ((sizes[c] as number) > 0) continue;
    let worst = -1;
    for (let i = 0; i < labels.length; i += 1) {
      if ((sizes[labels[i] as number] as number) < 2) continue;
      if (worst < 0 || (similarity[i] as number) < (similarity[worst] as number)) worst = i;
    }
    if (worst < 0) return;
    sizes[labels[worst] as number] = (sizes[labels[worst] as number] as number) - 1;
    sizes[c] = 1;
    labels[worst] = c;
    similarity[worst] = 1;
  }
}

function normaliseCentroids(centroids: Float64Array, k: number): void {
  const norms = new Float64Array(k);
  for (let at = 0; at < centroids.length; at += 1) norms[at % k] = (norms[at % k] as number) + (centroids[at] as number) ** 2;
  for (let c = 0; c < k; c += 1) norms[c] = (norms[c] as number) > 0 ? 1 / Math.sqrt(norms[c] as number) : 0;
  for (let at = 0; at < centroids.length; at += 1) centroids[at] = (centroids[at] as number) * (norms[at % k] as number);
}

function sparseDenseDot(vectors: TermVectors, row: number, dense: Float64Array): number {
  let sum = 0;
  for (let p = vectors.offsets[row] as number; p < (vectors.offsets[row + 1] as number); p += 1) {
    sum += (vectors.values[p] as number) * (dense[vectors.indices[p] as number] as number);
  }
  return sum;
}

/**
 * Mean silhouette (Rousseeuw, 1987) with cosine distance: near 1 when every
 * row is much closer to its own cluster than to the next one, near 0 when
 * the clusters overlap. Exact without the matrix of all pairs: for unit
 * vectors the mean similarity of a row to a cluster is its dot product with
 * the cluster's sum divided by the cluster's size (its own 1 taken out for
 * its own cluster), so the cost is that of one assignment pass.
 */
export function silhouette(vectors: TermVectors, rows: Int32Array, labels: Int32Array, k: number): number {
  const sizes = new Int32Array(k);
  const sums = new Float64Array(vectors.columns * k);
  rows.forEach((row, i) => {
    const c = labels[i] as number;
    sizes[c] = (sizes[c] as number) + 1;
    for (let p = vectors.offsets[row] as number; p < (vectors.offsets[row + 1] as number); p += 1) {
      const at = (vectors.indices[p] as number) * k + c;
      sums[at] = (sums[at] as number) + (vectors.values[p] as number);
    }
  });
  const similarity = new Float64Array(k);
  let total = 0;
  rows.forEach((row, i) => {
    const own = labels[i] as number;
    // A row alone in its cluster scores 0 by definition.
    if ((sizes[own] as number) < 2) return;
    centroidSimilarities(vectors, row, sums, k, similarity);
    const a = 1 - ((similarity[own] as number) - 1) / ((sizes[own] as number) - 1);
    let b = Infinity;
    for (let c = 0; c < k; c += 1) {
      if (c !== own && (sizes[c] as number) > 0) b = Math.min(b, 1 - (similarity[c] as number) / (sizes[c] as number));
    }
    const spread = Math.max(a, b);
    if (b !== Infinity && spread > 0) total += (b - a) / spread;
  });
  return total / rows.length;
}

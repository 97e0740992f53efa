import type { TermVectors } from "@/bench/legacy-themes/build-term-vectors";
import { mulberry32 } from "@/lib/random";
import { seedCentroids, silhouette, sphericalKMeans, type Clustering } from "@/bench/legacy-themes/spherical-k-means";

// How many themes: every k from 2 to the maximum is tried on an evenly
// spread sample of the documents (every n-th in id order), a few seedings
// each, and the k with the best mean silhouette wins (ties to the smaller
// k). The sample keeps the 21 trial runs cheap at 100,000 documents and is
// large enough for a theme of 1 % to have a dozen rows in it. The winner's
// centroids then start the run over all documents, which converges in a
// few passes. When even the best split scores below MIN_SILHOUETTE the
// documents share one subject: they make one theme rather than arbitrary
// halves.
const SAMPLE_SIZE = 1_200;
const SEEDINGS = 3;
const MIN_SILHOUETTE = 0.02;
// Fixed: the same documents always give the same themes.
const SEED = 0x5eed7e3e;

// A theme has at least 3 documents and 1 % of its language's: k-means
// leaves the odd handful of outliers in a cluster of their own, which says
// nothing about what people wrote.
export const MIN_THEME_SIZE = 3;
const MIN_THEME_SHARE = 0.01;

export function smallestTheme(documentCount: number): number {
  return Math.max(MIN_THEME_SIZE, Math.ceil(documentCount * MIN_THEME_SHARE));
}

/** Clusters the given rows (in a fixed order) into between 1 and maxClusters groups. */
export function clusterDocuments(vectors: TermVectors, rows: Int32Array, options: { maxClusters: number }): Clustering {
  const sample = rows.length <= SAMPLE_SIZE ? rows : Int32Array.from({ length: SAMPLE_SIZE }, (_, i) => rows[Math.floor((i * rows.length) / SAMPLE_SIZE)] as number);
  const smallest = smallestTheme(sample.length);
  const largestK = Math.min(options.maxClusters, Math.floor(sample.length / smallest));
  const random = mulberry32(SEED);
  let best: { clustering: Clustering; silhouette: number } | null = null;
  for (let k = 2; k <= largestK; k += 1) {
    // The tightest of a few seedings, among those that make no cluster too small to be a theme.
    let fittest: { clustering: Clustering; similarity: number } | null = null;
    for (let seeding = 0; seeding < SEEDINGS; seeding += 1) {
      const clustering = sphericalKMeans(vectors, sample, seedCentroids(vectors, sample, k, random), k);
      if (smallestCluster(clustering) < smallest) continue;
      const similarity = clustering.similarity.reduce((sum, value) => sum + value, 0);
      if (!fittest || similarity > fittest.similarity) fittest = { clustering, similarity };
    }
    if (!fittest) continue;
    const score = silhouette(vectors, sample, fittest.clustering.labels, k);
    if (!best || score > best.silhouette) best = { clustering: fittest.clustering, silhouette: score };
  }
  // With one cluster every row joins it at once, and the update makes its centroid the normalised mean.
  if (!best || best.silhouette < MIN_SILHOUETTE) return sphericalKMeans(vectors, rows, new Float64Array(vectors.columns), 1);
  return sample === rows ? best.clustering : sphericalKMeans(vectors, rows, best.clustering.centroids, best.clustering.k);
}

function smallestCluster(clustering: Clustering): number {
  const sizes = new Int32Array(clustering.k);
  for (const label of clustering.labels) sizes[label] = (sizes[label] as number) + 1;
  return Math.min(...sizes);
}

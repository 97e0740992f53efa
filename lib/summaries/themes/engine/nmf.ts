// Non-negative matrix factorisation of a sparse document × feature matrix,
// X ≈ W·H, by Lee and Seung's multiplicative updates: W (documents × k)
// says how much of each theme a document holds, which lets a long position
// paper belong to several themes; H (k × features) says what each theme is
// made of. Deterministic: the start is chosen from the documents
// themselves (the most typical one, then each time the one least like those
// chosen), no random numbers.

/** Compressed rows of unit length: row d is indices/values[offsets[d] .. offsets[d + 1]). */
export type SparseRows = { rows: number; columns: number; offsets: Int32Array; indices: Int32Array; values: Float64Array };

export type Factorisation = {
  k: number;
  /** rows × k, row-major. */
  w: Float64Array;
  /** columns × k (H transposed): feature f's weight in theme t is ht[f * k + t]. */
  ht: Float64Array;
};

const EPSILON = 1e-9;
const ITERATIONS = 120;

export function factorise(x: SparseRows, k: number, iterations = ITERATIONS): Factorisation {
  const { rows, columns, offsets, indices, values } = x;
  const ht = new Float64Array(columns * k);
  const chosen = farthestFirst(x, k);
  const mean = new Float64Array(columns);
  for (let p = 0; p < indices.length; p += 1) mean[indices[p] as number] = (mean[indices[p] as number] as number) + (values[p] as number) / Math.max(1, rows);
  chosen.forEach((row, t) => {
    for (let f = 0; f < columns; f += 1) ht[f * k + t] = 0.01 * (mean[f] as number);
    for (let p = offsets[row] as number; p < (offsets[row + 1] as number); p += 1) ht[(indices[p] as number) * k + t] = (ht[(indices[p] as number) * k + t] as number) + (values[p] as number);
  });
  const w = new Float64Array(rows * k);
  multiplyXH(x, ht, k, w);
  for (let i = 0; i < w.length; i += 1) w[i] = Math.max(w[i] as number, EPSILON);

  const xh = new Float64Array(rows * k);
  const wtx = new Float64Array(columns * k);
  const gram = new Float64Array(k * k);
  const scratch = new Float64Array(k);
  for (let iteration = 0; iteration < iterations; iteration += 1) {
    // H ← H ∘ (WᵀX) / (WᵀW H)
    wtx.fill(0);
    for (let d = 0; d < rows; d += 1) {
      for (let p = offsets[d] as number; p < (offsets[d + 1] as number); p += 1) {
        const base = (indices[p] as number) * k;
        const value = values[p] as number;
        for (let t = 0; t < k; t += 1) wtx[base + t] = (wtx[base + t] as number) + (w[d * k + t] as number) * value;
      }
    }
    gramOf(w, rows, k, gram);
    for (let f = 0; f < columns; f += 1) {
      const base = f * k;
      for (let t = 0; t < k; t += 1) {
        let denominator = 0;
        for (let s = 0; s < k; s += 1) denominator += (gram[t * k + s] as number) * (ht[base + s] as number);
        scratch[t] = ((ht[base + t] as number) * (wtx[base + t] as number)) / (denominator + EPSILON);
      }
      for (let t = 0; t < k; t += 1) ht[base + t] = scratch[t] as number;
    }
    // W ← W ∘ (X Hᵀ) / (W H Hᵀ)
    multiplyXH(x, ht, k, xh);
    gramOf(ht, columns, k, gram);
    for (let d = 0; d < rows; d += 1) {
      const base = d * k;
      for (let t = 0; t < k; t += 1) {
        let denominator = 0;
        for (let s = 0; s < k; s += 1) denominator += (w[base + s] as number) * (gram[s * k + t] as number);
        scratch[t] = ((w[base + t] as number) * (xh[base + t] as number)) / (denominator + EPSILON);
      }
      for (let t = 0; t < k; t += 1) w[base + t] = scratch[t] as number;
    }
  }
  // Themes of unit length, their weight moved into W.
  for (let t = 0; t < k; t += 1) {
    let norm = 0;
    for (let f = 0; f < columns; f += 1) norm += (ht[f * k + t] as number) ** 2;
    norm = Math.sqrt(norm);
    if (norm === 0) continue;
    for (let f = 0; f < columns; f += 1) ht[f * k + t] = (ht[f * k + t] as number) / norm;
    for (let d = 0; d < rows; d += 1) w[d * k + t] = (w[d * k + t] as number) * norm;
  }
  return { k, w, ht };
}

/** out (rows × k) = X · Hᵀ-transposed, i.e. each document's dot product with each theme. */
function multiplyXH(x: SparseRows, ht: Float64Array, k: number, out: Float64Array): void {
  out.fill(0);
  for (let d = 0; d < x.rows; d += 1) {
    const base = d * k;
    for (let p = x.offsets[d] as number; p < (x.offsets[d + 1] as number); p += 1) {
      const feature = (x.indices[p] as number) * k;
      const value = x.values[p] as number;
      for (let t = 0; t < k; t += 1) out[base + t] = (out[base + t] as number) + value * (ht[feature + t] as number);
    }
  }
}

/** out (k × k) = Mᵀ M for M of `rows` × k, row-major. */
function gramOf(m: Float64Array, rows: number, k: number, out: Float64Array): void {
  out.fill(0);
  for (let r = 0; r < rows; r += 1) {
    const base = r * k;
    for (let t = 0; t < k; t += 1) {
      const a = m[base + t] as number;
      if (a === 0) continue;
      for (let s = t; s < k; s += 1) out[t * k + s] = (out[t * k + s] as number) + a * (m[base + s] as number);
    }
  }
  for (let t = 0; t < k; t += 1) for (let s = 0; s < t; s += 1) out[t * k + s] = out[s * k + t] as number;
}

/** k rows: the one nearest the mean, then each time the one whose highest similarity to those chosen is lowest. */
function farthestFirst(x: SparseRows, k: number): number[] {
  const centroid = new Float64Array(x.columns);
  for (let p = 0; p < x.indices.length; p += 1) centroid[x.indices[p] as number] = (centroid[x.indices[p] as number] as number) + (x.values[p] as number);
  let first = 0;
  let best = -Infinity;
  for (let d = 0; d < x.rows; d += 1) {
    const value = dotDense(x, d, centroid);
    if (value > best) {
      best = value;
      first = d;
    }
  }
  const chosen = [first];
  const nearest = new Float64Array(x.rows).fill(-Infinity);
  const dense = new Float64Array(x.columns);
  while (chosen.length < Math.min(k, x.rows)) {
    const last = chosen[chosen.length - 1] as number;
    scatter(x, last, dense);
    for (let d = 0; d < x.rows; d += 1) nearest[d] = Math.max(nearest[d] as number, dotDense(x, d, dense));
    unscatter(x, last, dense);
    let next = -1;
    let lowest = Infinity;
    for (let d = 0; d < x.rows; d += 1) {
      if (x.offsets[d + 1] === x.offsets[d] || chosen.includes(d)) continue;
      if ((nearest[d] as number) < lowest) {
        lowest = nearest[d] as number;
        next = d;
      }
    }
    if (next < 0) break;
    chosen.push(next);
  }
  // Fewer distinct documents than themes: the last ones start from the mean alone.
  while (chosen.length < k) chosen.push(chosen[chosen.length % Math.max(1, chosen.length)] as number);
  return chosen;
}

export function dotDense(x: SparseRows, row: number, dense: Float64Array): number {
  let sum = 0;
  for (let p = x.offsets[row] as number; p < (x.offsets[row + 1] as number); p += 1) sum += (x.values[p] as number) * (dense[x.indices[p] as number] as number);
  return sum;
}

export function scatter(x: SparseRows, row: number, dense: Float64Array, factor = 1): void {
  for (let p = x.offsets[row] as number; p < (x.offsets[row + 1] as number); p += 1) dense[x.indices[p] as number] = (dense[x.indices[p] as number] as number) + factor * (x.values[p] as number);
}

function unscatter(x: SparseRows, row: number, dense: Float64Array): void {
  for (let p = x.offsets[row] as number; p < (x.offsets[row + 1] as number); p += 1) dense[x.indices[p] as number] = 0;
}

/**
 * Mean silhouette of a hard clustering (labels, -1 for none) with cosine
 * distance, computed from each cluster's sum of unit rows: a document's
 * mean similarity to a cluster is its dot product with that sum over the
 * cluster's size (itself left out of its own). Linear in the rows.
 */
export function silhouette(x: SparseRows, labels: Int32Array, k: number, sample?: readonly number[]): number {
  const sums = new Float64Array(k * x.columns);
  const sizes = new Int32Array(k);
  for (let d = 0; d < x.rows; d += 1) {
    const c = labels[d] as number;
    if (c < 0) continue;
    sizes[c] = (sizes[c] as number) + 1;
    for (let p = x.offsets[d] as number; p < (x.offsets[d + 1] as number); p += 1) {
      const at = c * x.columns + (x.indices[p] as number);
      sums[at] = (sums[at] as number) + (x.values[p] as number);
    }
  }
  let total = 0;
  let counted = 0;
  for (const d of sample ?? Array.from({ length: x.rows }, (_, i) => i)) {
    const own = labels[d] as number;
    if (own < 0 || (sizes[own] as number) < 2) continue;
    let a = 0;
    let b = Infinity;
    for (let c = 0; c < k; c += 1) {
      if ((sizes[c] as number) === 0) continue;
      let dot = 0;
      for (let p = x.offsets[d] as number; p < (x.offsets[d + 1] as number); p += 1) dot += (x.values[p] as number) * (sums[c * x.columns + (x.indices[p] as number)] as number);
      if (c === own) a = 1 - (dot - 1) / ((sizes[c] as number) - 1);
      else b = Math.min(b, 1 - dot / (sizes[c] as number));
    }
    if (b === Infinity) continue;
    total += (b - a) / Math.max(a, b, EPSILON);
    counted += 1;
  }
  return counted === 0 ? -1 : total / counted;
}

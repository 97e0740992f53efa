// A small seeded PRNG (mulberry32): the theme engine seeds k-means from it so
// that the same documents always give the same themes, and the demo seed
// (prisma/seed/random.ts) builds on it so that the demo is the same on every
// run and every machine.

export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

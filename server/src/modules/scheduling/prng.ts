/**
 * A small seeded generator (mulberry32) so that a schedule depends only on its input and
 * seed: staff who re-run the same fair get the same agendas, and a test can replay a case.
 */
export interface Prng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, bound). */
  int(bound: number): number;
}

export function createPrng(seed: number): Prng {
  // Fold any number (negative, fractional, huge) into 32 bits so every seed is usable.
  let state = (Math.floor(Math.abs(seed)) ^ 0x9e3779b9) >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (bound) => Math.floor(next() * bound) };
}

/** Fisher–Yates in place, driven by the seeded generator. */
export function shuffleInPlace<T>(items: T[], prng: Prng): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = prng.int(i + 1);
    const a = items[i] as T;
    items[i] = items[j] as T;
    items[j] = a;
  }
  return items;
}

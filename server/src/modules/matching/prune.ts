import { compareMatches } from './score';

/** A candidate read in order of its score's upper bound, best bound first. */
export interface Bounded<C> {
  bound: number;
  candidate: C;
}

/**
 * The best `k` of a large candidate set without scoring all of it.
 *
 * `readBatch(offset, size)` returns candidates ordered by a bound that no
 * exact score exceeds (ties in a stable order). Batches are scored until the
 * k-th best exact score is strictly above the bound of the last candidate
 * read: every unread candidate's bound is at most that, so none of them can
 * enter the top k, not even through the tie-break on keys. The answer is
 * exactly the first k of ranking every candidate.
 */
export async function topByBound<C, R extends { score: number; key: string }>(
  k: number,
  batchSize: number,
  readBatch: (offset: number, size: number) => Promise<Bounded<C>[]>,
  score: (candidate: C) => R | null,
): Promise<R[]> {
  const scored: R[] = [];
  let offset = 0;
  for (;;) {
    const batch = await readBatch(offset, batchSize);
    offset += batch.length;
    for (const { candidate } of batch) {
      const s = score(candidate);
      if (s) scored.push(s);
    }
    if (batch.length < batchSize) break;
    scored.sort(compareMatches);
    if (k === 0) break;
    const kth = scored[k - 1];
    if (kth && kth.score > batch[batch.length - 1]!.bound) break;
    // Keep reading in larger steps: a need whose best candidates are far down the bound order costs few round trips.
    batchSize *= 2;
  }
  return scored.sort(compareMatches).slice(0, k);
}

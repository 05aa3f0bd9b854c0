import type { SearchState } from './search-state';

/** Gains below this are rounding noise, not improvements; it also stops the search cycling. */
export const EPS = 1e-9;

/**
 * The moves of an ejection chain. A chain runs on the live schedule and the caller rolls it back
 * through the journal unless it keeps it. Evicted meetings sit on a shared stack rather than in
 * per-call arrays because chains are tried millions of times per run.
 */
export class ChainMoves {
  private stack = new Int32Array(256);
  private top = 0;
  /** Each participant's meetings, most valuable first, to refill a seat a chain frees. */
  private readonly adjStart: Int32Array;
  private readonly adj: Int32Array;
  /**
   * Each meeting's slots, least wanted first: the summed value of the two people's other
   * requests that could use the slot. Seating a meeting directly takes the first slot that
   * fits, which leaves the busy slots to the meetings that need them.
   */
  private readonly preferred: Int32Array;
  /** Each slot's possible meetings, most valuable first, to refill a table a chain frees. */
  private readonly bySlotStart: Int32Array;
  private readonly bySlot: Int32Array;
  /** The slot each evicted meeting on the stack was taken from. */
  private stackSlot = new Int32Array(256);

  constructor(
    private readonly state: SearchState,
    private readonly refillLimit: number,
  ) {
    const { u, w, value, count, slotStart, slots } = state.model.edges;
    const n = state.model.participantIds.length;
    const S = state.slotCount;
    const bySlot: number[][] = Array.from({ length: S }, () => []);
    const byPerson: number[][] = Array.from({ length: n }, () => []);
    const demand = new Float64Array(n * S);
    for (let e = 0; e < count; e++) {
      byPerson[u[e] ?? 0]?.push(e);
      byPerson[w[e] ?? 0]?.push(e);
      for (let i = slotStart[e] ?? 0; i < (slotStart[e + 1] ?? 0); i++) {
        const s = slots[i] ?? 0;
        bySlot[s]?.push(e);
        for (const p of [u[e] ?? 0, w[e] ?? 0]) demand[p * S + s] = (demand[p * S + s] ?? 0) + (value[e] ?? 0);
      }
    }
    [this.adjStart, this.adj] = packBestFirst(byPerson, value);
    [this.bySlotStart, this.bySlot] = packBestFirst(bySlot, value);
    this.preferred = Int32Array.from(slots);
    for (let e = 0; e < count; e++) {
      const a = u[e] ?? 0;
      const b = w[e] ?? 0;
      const own = this.preferred.subarray(slotStart[e] ?? 0, slotStart[e + 1] ?? 0);
      const wanted = (s: number): number => (demand[a * S + s] ?? 0) + (demand[b * S + s] ?? 0);
      own.set(Array.from(own).sort((x, y) => wanted(x) - wanted(y) || x - y));
    }
  }

  /**
   * Puts meeting `e` into slot `s`, evicting what is in the way (the two people's meetings in
   * that slot, the cheapest meeting there if the tables are full, the cheapest meeting of
   * someone at their cap), then re-seats the evicted meetings with `depth` levels of the same.
   * Returns the change in total value; the caller keeps or undoes it.
   */
  insertAt(e: number, s: number, depth: number): number {
    const { state } = this;
    const { model, occ, load } = state;
    const { u, w, value } = model.edges;
    const S = state.slotCount;
    const a = u[e] ?? 0;
    const b = w[e] ?? 0;
    const base = this.top;
    let gain = value[e] ?? 0;
    let ok = true;
    const ya = occ[a * S + s] ?? -1;
    const yb = occ[b * S + s] ?? -1;
    if (ya >= 0) ok = this.evict(ya);
    if (ok && yb >= 0) ok = this.evict(yb);
    if (ok && (state.inSlot[s] ?? 0) >= (model.tablesLeft[s] ?? 0)) ok = this.evict(state.cheapestIn(s));
    if (ok && (load[a] ?? 0) >= (model.capLeft[a] ?? 0)) ok = this.evict(state.cheapestOf(a));
    if (ok && (load[b] ?? 0) >= (model.capLeft[b] ?? 0)) ok = this.evict(state.cheapestOf(b));
    if (!ok) {
      this.top = base;
      return -Infinity;
    }
    state.place(e, s);
    const end = this.top;
    for (let i = base; i < end; i++) gain -= value[this.stack[i] ?? 0] ?? 0;
    if (depth > 0) {
      this.sortByValue(base, end);
      for (let i = base; i < end; i++) gain += this.reseat(this.stack[i] ?? 0, this.stackSlot[i] ?? 0, depth - 1);
    }
    this.top = base;
    return gain;
  }

  /** Moves seated meeting `e` to slot `s` like {@link insertAt}, then lets others use what it left. */
  moveTo(e: number, s: number, depth: number): number {
    const { state } = this;
    const left = state.slotOf[e] ?? 0;
    state.remove(e);
    const gain = this.insertAt(e, s, depth) - (state.model.edges.value[e] ?? 0);
    return gain === -Infinity ? gain : gain + this.refill(e, left);
  }

  /**
   * Finds the best new slot for meeting `e`, evicted from slot `left`, or else fills the seats
   * and the table it freed; returns the value regained.
   */
  private reseat(e: number, left: number, depth: number): number {
    const { state } = this;
    const { slotStart, value } = state.model.edges;
    const slots = this.preferred;
    // A refill earlier in the chain may already have seated it again, and counted it.
    if ((state.slotOf[e] ?? 0) >= 0) return 0;
    const direct = this.firstFit(e);
    if (direct >= 0) {
      state.place(e, direct);
      return value[e] ?? 0;
    }
    const from = slotStart[e] ?? 0;
    const to = slotStart[e + 1] ?? 0;
    let bestGain = EPS;
    let bestSlot = -1;
    if (depth > 0) {
      for (let i = from; i < to; i++) {
        const s = slots[i] ?? 0;
        const mark = state.checkpoint();
        const gain = this.insertAt(e, s, depth);
        state.undo(mark);
        if (gain > bestGain) {
          bestGain = gain;
          bestSlot = s;
        }
      }
    }
    // Or the evicted meeting goes for good and its two people take others they were waiting for.
    const mark = state.checkpoint();
    const refilled = this.refill(e, left);
    if (bestSlot < 0 || refilled >= bestGain) return refilled;
    state.undo(mark);
    return this.insertAt(e, bestSlot, depth);
  }

  /**
   * After meeting `e` left slot `left` for good, seats the waiting meetings that may use what it
   * freed: its two people's other requests and the meetings that could take its table. They are
   * tried best first across the three lists, so a cheap meeting cannot take a table or seat that
   * a better one needed.
   */
  private refill(e: number, left: number): number {
    const { state } = this;
    const { u, w, value } = state.model.edges;
    const a = u[e] ?? 0;
    const b = w[e] ?? 0;
    const heads = [this.adjStart[a] ?? 0, this.adjStart[b] ?? 0, this.bySlotStart[left] ?? 0];
    const ends = [this.adjStart[a + 1] ?? 0, this.adjStart[b + 1] ?? 0, this.bySlotStart[left + 1] ?? 0];
    const lists = [this.adj, this.adj, this.bySlot];
    // Each list gets its own budget: the table's list is long and mostly holds meetings that do not fit.
    const budget = [this.refillLimit, this.refillLimit, this.refillLimit];
    let gain = 0;
    while (state.freeTables > 0) {
      let pick = -1;
      let pickValue = -Infinity;
      // A list is worth reading only while its person is under their cap, or its table is free.
      if ((state.load[a] ?? 0) >= (state.model.capLeft[a] ?? 0)) budget[0] = 0;
      if ((state.load[b] ?? 0) >= (state.model.capLeft[b] ?? 0)) budget[1] = 0;
      if ((state.inSlot[left] ?? 0) >= (state.model.tablesLeft[left] ?? 0)) budget[2] = 0;
      for (let k = 0; k < 3; k++) {
        if ((budget[k] ?? 0) <= 0) continue;
        const list = lists[k] ?? this.adj;
        let h = heads[k] ?? 0;
        while (h < (ends[k] ?? 0) && ((state.slotOf[list[h] ?? 0] ?? 0) >= 0 || list[h] === e)) h++;
        heads[k] = h;
        if (h < (ends[k] ?? 0) && (value[list[h] ?? 0] ?? 0) > pickValue) {
          pick = k;
          pickValue = value[list[h] ?? 0] ?? 0;
        }
      }
      if (pick < 0) break;
      const f = (lists[pick] ?? this.adj)[heads[pick] ?? 0] ?? 0;
      heads[pick] = (heads[pick] ?? 0) + 1;
      budget[pick] = (budget[pick] ?? 0) - 1;
      // A meeting from the table's list is there for that table; a person's meeting may fit anywhere.
      const placeAt = pick === 2 ? (state.canPlace(f, left) ? left : -1) : this.firstFit(f);
      if (placeAt >= 0) {
        state.place(f, placeAt);
        gain += value[f] ?? 0;
      }
    }
    return gain;
  }

  /** The first of the meeting's slots, least wanted first, where it fits without moving anyone; or -1. */
  private firstFit(e: number): number {
    const { state } = this;
    const { model, occ, load, inSlot } = state;
    const { u, w, slotStart } = model.edges;
    const S = state.slotCount;
    const a = u[e] ?? 0;
    const b = w[e] ?? 0;
    // Called millions of times per run, mostly when nothing fits: rule out the cheap cases first.
    if (state.freeTables === 0 || (load[a] ?? 0) >= (model.capLeft[a] ?? 0) || (load[b] ?? 0) >= (model.capLeft[b] ?? 0)) return -1;
    for (let i = slotStart[e] ?? 0; i < (slotStart[e + 1] ?? 0); i++) {
      const s = this.preferred[i] ?? 0;
      if ((inSlot[s] ?? 0) < (model.tablesLeft[s] ?? 0) && (occ[a * S + s] ?? 0) < 0 && (occ[b * S + s] ?? 0) < 0) return s;
    }
    return -1;
  }

  /** Seats whatever still fits as it is, so a meeting worth nothing is held rather than a table left empty. */
  fillDirectly(order: Int32Array): void {
    const { state } = this;
    for (const e of order) {
      const s = (state.slotOf[e] ?? 0) < 0 ? this.firstFit(e) : -1;
      if (s >= 0) state.place(e, s);
    }
    state.commit(0);
  }

  /**
   * The meetings a gap left by `removed` (taken from slots `left`) can help: those meetings,
   * their people's waiting meetings, and the best waiting meetings that could use the tables.
   */
  neighbourhood(removed: readonly number[], left: readonly number[]): number[] {
    const { state } = this;
    const { u, w } = state.model.edges;
    const seen = new Set<number>(removed);
    const addWaiting = (list: Int32Array, from: number, to: number, limit: number): void => {
      for (let i = from, added = 0; i < to && added < limit; i++) {
        const f = list[i] ?? 0;
        if ((state.slotOf[f] ?? 0) < 0) {
          seen.add(f);
          added++;
        }
      }
    };
    for (const e of removed) {
      for (const p of [u[e] ?? 0, w[e] ?? 0]) addWaiting(this.adj, this.adjStart[p] ?? 0, this.adjStart[p + 1] ?? 0, Infinity);
    }
    for (const s of left) addWaiting(this.bySlot, this.bySlotStart[s] ?? 0, this.bySlotStart[s + 1] ?? 0, 2 * this.refillLimit);
    return [...seen].sort((x, y) => x - y);
  }

  private evict(x: number): boolean {
    if (x < 0 || this.state.placedInChain[x]) return false;
    if (this.top === this.stack.length) {
      this.stack = grow(this.stack);
      this.stackSlot = grow(this.stackSlot);
    }
    this.stackSlot[this.top] = this.state.slotOf[x] ?? 0;
    this.stack[this.top++] = x;
    this.state.remove(x);
    return true;
  }

  /** Most valuable first, so the meetings that matter most get first pick of the free slots. */
  private sortByValue(from: number, to: number): void {
    const value = this.state.model.edges.value;
    for (let i = from + 1; i < to; i++) {
      const x = this.stack[i] ?? 0;
      const xs = this.stackSlot[i] ?? 0;
      let j = i - 1;
      while (j >= from && (value[this.stack[j] ?? 0] ?? 0) < (value[x] ?? 0)) {
        this.stack[j + 1] = this.stack[j] ?? 0;
        this.stackSlot[j + 1] = this.stackSlot[j] ?? 0;
        j--;
      }
      this.stack[j + 1] = x;
      this.stackSlot[j + 1] = xs;
    }
  }
}

/** Lists of meetings packed into one array (list k is items[start[k] .. start[k + 1])), each best first. */
function packBestFirst(lists: number[][], value: Float64Array): [Int32Array, Int32Array] {
  const start = new Int32Array(lists.length + 1);
  const items = new Int32Array(lists.reduce((sum, list) => sum + list.length, 0));
  lists.forEach((list, k) => {
    list.sort((x, y) => (value[y] ?? 0) - (value[x] ?? 0) || x - y);
    items.set(list, start[k] ?? 0);
    start[k + 1] = (start[k] ?? 0) + list.length;
  });
  return [start, items];
}

function grow(array: Int32Array): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}

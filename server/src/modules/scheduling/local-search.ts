import { shuffleInPlace, type Prng } from './prng';
import type { ScheduleModel } from './schedule-model';
import { SearchState } from './search-state';

/** Gains below this are rounding noise, not improvements; it also stops the search cycling. */
const EPS = 1e-9;
/** Meetings taken out per shake: a few are enough to open a new arrangement and keep the repair local. */
const RUIN_MIN = Number(process.env.RUIN_MIN ?? 2);
const RUIN_SPREAD = Number(process.env.RUIN_SPREAD ?? 5);

export interface SearchOptions {
  /** How far an evicted meeting may in turn evict others to find a new slot. */
  chainDepth: number;
  rounds: number;
  perturbations: number;
  /** Greedy slot choice: 'pressure' keeps free the slots the remaining requests need most. */
  slotChoice: 'pressure' | 'first';
  /** How many waiting meetings of a person a chain considers when it frees one of their seats. */
  refillLimit: number;
}

/**
 * Builds a schedule greedily, best meetings first, then improves it with ejection chains: an
 * unplaced meeting takes a slot by evicting whoever is in its way (the people's current
 * meetings, the cheapest meeting at a full set of tables, the cheapest meeting of someone at
 * their cap), and each evicted meeting looks for a new slot the same way, a level shallower. A
 * chain is kept only when the total value rises. When a round finds nothing, a few random
 * meetings are taken out and the schedule is repaired ("ruin and recreate"); the best schedule
 * seen is the result.
 */
export function searchSchedule(model: ScheduleModel, prng: Prng, options: SearchOptions): SearchState {
  const state = new SearchState(model);
  const order = valueOrder(model, prng);
  construct(state, order, options.slotChoice);
  const chains = new ChainMoves(state, options.refillLimit);
  improve(state, chains, order, options, prng);

  let best = Int32Array.from(state.slotOf);
  let bestTotal = state.total;
  const rank = new Int32Array(order.length);
  order.forEach((e, i) => (rank[e] = i));
  for (let k = 0; k < options.perturbations; k++) {
    const removed = ruin(state, prng);
    // Only the removed meetings and their people's waiting requests can profit from the gap.
    improve(state, chains, chains.neighbourhood(removed, rank), options, prng);
    if (state.total > bestTotal + EPS) {
      best = Int32Array.from(state.slotOf);
      bestTotal = state.total;
    } else if (state.total < bestTotal - EPS) {
      state.restore(best);
    }
  }
  if (options.perturbations > 0) {
    state.restore(best);
    improve(state, chains, order, options, prng);
  }
  chains.fillDirectly(order);
  return state;
}

/** Edges by value, highest first; equal values in seeded random order so no pair is always favoured. */
function valueOrder(model: ScheduleModel, prng: Prng): Int32Array {
  const { count, value } = model.edges;
  const ids = shuffleInPlace(
    Array.from({ length: count }, (_, e) => e),
    prng,
  );
  const rank = new Int32Array(count);
  ids.forEach((e, i) => (rank[e] = i));
  ids.sort((x, y) => (value[y] ?? 0) - (value[x] ?? 0) || (rank[x] ?? 0) - (rank[y] ?? 0));
  return Int32Array.from(ids);
}

function construct(state: SearchState, order: Int32Array, slotChoice: SearchOptions['slotChoice']): void {
  const { model } = state;
  const { u, w, value, slotStart, slots } = model.edges;
  const S = state.slotCount;
  // How much value still waiting to be placed could use each participant's slot.
  const pressure = new Float64Array(model.participantIds.length * S);
  if (slotChoice === 'pressure') {
    for (let e = 0; e < model.edges.count; e++) {
      for (let i = slotStart[e] ?? 0; i < (slotStart[e + 1] ?? 0); i++) {
        const s = slots[i] ?? 0;
        pressure[(u[e] ?? 0) * S + s] = (pressure[(u[e] ?? 0) * S + s] ?? 0) + (value[e] ?? 0);
        pressure[(w[e] ?? 0) * S + s] = (pressure[(w[e] ?? 0) * S + s] ?? 0) + (value[e] ?? 0);
      }
    }
  }
  for (const e of order) {
    const a = u[e] ?? 0;
    const b = w[e] ?? 0;
    let chosen = -1;
    let chosenPressure = Infinity;
    for (let i = slotStart[e] ?? 0; i < (slotStart[e + 1] ?? 0); i++) {
      const s = slots[i] ?? 0;
      if (slotChoice === 'pressure') {
        pressure[a * S + s] = (pressure[a * S + s] ?? 0) - (value[e] ?? 0);
        pressure[b * S + s] = (pressure[b * S + s] ?? 0) - (value[e] ?? 0);
      }
      if (!state.canPlace(e, s)) continue;
      const p = slotChoice === 'pressure' ? (pressure[a * S + s] ?? 0) + (pressure[b * S + s] ?? 0) : 0;
      if (p < chosenPressure - EPS) {
        chosen = s;
        chosenPressure = p;
      }
    }
    if (chosen >= 0) state.place(e, chosen);
  }
  state.commit(0);
}

/** Improvement rounds over the unplaced meetings, best first, until a round gains nothing. */
function improve(state: SearchState, chains: ChainMoves, order: ArrayLike<number> & Iterable<number>, options: SearchOptions, prng: Prng): void {
  const { slotStart, slots } = state.model.edges;
  const candidates: number[] = [];
  for (let round = 0; round < options.rounds; round++) {
    const before = state.total;
    for (const e of order) {
      if ((state.slotOf[e] ?? 0) >= 0) continue;
      candidates.length = 0;
      for (let i = slotStart[e] ?? 0; i < (slotStart[e + 1] ?? 0); i++) candidates.push(slots[i] ?? 0);
      // Trying slots in a fresh order each time lets equal-gain chains differ between rounds.
      shuffleInPlace(candidates, prng);
      let bestGain = EPS;
      let bestSlot = -1;
      for (const s of candidates) {
        const mark = state.checkpoint();
        const gain = chains.insertAt(e, s, options.chainDepth);
        state.undo(mark);
        if (gain > bestGain) {
          bestGain = gain;
          bestSlot = s;
        }
      }
      if (bestSlot >= 0) {
        const mark = state.checkpoint();
        if (chains.insertAt(e, bestSlot, options.chainDepth) > EPS) state.commit(mark);
        else state.undo(mark);
      }
    }
    if (state.total <= before + EPS) break;
  }
}

/**
 * The moves of one ejection chain. Evicted meetings are kept on a shared stack rather than in
 * per-call arrays because chains are tried hundreds of thousands of times per run.
 */
class ChainMoves {
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

  constructor(
    private readonly state: SearchState,
    private readonly refillLimit: number,
  ) {
    const { u, w, value, count, slotStart, slots } = state.model.edges;
    const n = state.model.participantIds.length;
    const S = state.slotCount;
    const demand = new Float64Array(n * S);
    for (let e = 0; e < count; e++) {
      for (let i = slotStart[e] ?? 0; i < (slotStart[e + 1] ?? 0); i++) {
        for (const p of [u[e] ?? 0, w[e] ?? 0]) demand[p * S + (slots[i] ?? 0)] = (demand[p * S + (slots[i] ?? 0)] ?? 0) + (value[e] ?? 0);
      }
    }
    this.preferred = Int32Array.from(slots);
    for (let e = 0; e < count; e++) {
      const a = u[e] ?? 0;
      const b = w[e] ?? 0;
      const own = this.preferred.subarray(slotStart[e] ?? 0, slotStart[e + 1] ?? 0);
      const wanted = (s: number): number => (demand[a * S + s] ?? 0) + (demand[b * S + s] ?? 0);
      own.set(Array.from(own).sort((x, y) => wanted(x) - wanted(y) || x - y));
    }
    const lists: number[][] = Array.from({ length: n }, () => []);
    for (let e = 0; e < count; e++) {
      lists[u[e] ?? 0]?.push(e);
      lists[w[e] ?? 0]?.push(e);
    }
    this.adjStart = new Int32Array(n + 1);
    this.adj = new Int32Array(count * 2);
    let at = 0;
    lists.forEach((list, p) => {
      list.sort((x, y) => (value[y] ?? 0) - (value[x] ?? 0) || x - y);
      this.adj.set(list, at);
      at += list.length;
      this.adjStart[p + 1] = at;
    });
  }

  /**
   * Puts edge `e` into slot `s`, evicting what is in the way, then re-seats the evicted meetings.
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
      for (let i = base; i < end; i++) gain += this.reseat(this.stack[i] ?? 0, depth - 1);
    }
    this.top = base;
    return gain;
  }

  /** Finds the best new slot for an evicted meeting, or else fills the seats it freed; returns the value regained. */
  private reseat(e: number, depth: number): number {
    const { state } = this;
    const { slotStart, value, u, w } = state.model.edges;
    const slots = this.preferred;
    // A refill earlier in the chain may already have seated it again, and counted it.
    if ((state.slotOf[e] ?? 0) >= 0) return 0;
    const from = slotStart[e] ?? 0;
    const to = slotStart[e + 1] ?? 0;
    for (let i = from; i < to; i++) {
      const s = slots[i] ?? 0;
      if (state.canPlace(e, s)) {
        state.place(e, s);
        return value[e] ?? 0;
      }
    }
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
    if (bestSlot >= 0) return this.insertAt(e, bestSlot, depth);
    // The evicted meeting is gone for good: its two people may now have room for someone else.
    return this.refill(u[e] ?? 0, e) + this.refill(w[e] ?? 0, e);
  }

  /** Seats, best first, the waiting meetings of participant `p` that fit as things stand. */
  private refill(p: number, except: number): number {
    const { state } = this;
    const { slotStart, value } = state.model.edges;
    const slots = this.preferred;
    let tried = 0;
    let gain = 0;
    for (let i = this.adjStart[p] ?? 0; i < (this.adjStart[p + 1] ?? 0) && tried < this.refillLimit; i++) {
      const f = this.adj[i] ?? 0;
      if (f === except || (state.slotOf[f] ?? 0) >= 0) continue;
      tried++;
      for (let j = slotStart[f] ?? 0; j < (slotStart[f + 1] ?? 0); j++) {
        const s = slots[j] ?? 0;
        if (state.canPlace(f, s)) {
          state.place(f, s);
          gain += value[f] ?? 0;
          break;
        }
      }
    }
    return gain;
  }

  /** Seats whatever still fits as it is, so a meeting worth nothing is held rather than a table left empty. */
  fillDirectly(order: Int32Array): void {
    const { state } = this;
    const slotStart = state.model.edges.slotStart;
    for (const e of order) {
      if ((state.slotOf[e] ?? 0) >= 0) continue;
      for (let i = slotStart[e] ?? 0; i < (slotStart[e + 1] ?? 0); i++) {
        const s = this.preferred[i] ?? 0;
        if (state.canPlace(e, s)) {
          state.place(e, s);
          break;
        }
      }
    }
    state.commit(0);
  }

  /** The given meetings and every waiting meeting of their people, best first. */
  neighbourhood(edges: readonly number[], rank: Int32Array): number[] {
    const { u, w } = this.state.model.edges;
    const seen = new Set<number>(edges);
    for (const e of edges) {
      for (const p of [u[e] ?? 0, w[e] ?? 0]) {
        for (let i = this.adjStart[p] ?? 0; i < (this.adjStart[p + 1] ?? 0); i++) {
          const f = this.adj[i] ?? 0;
          if ((this.state.slotOf[f] ?? 0) < 0) seen.add(f);
        }
      }
    }
    return [...seen].sort((x, y) => (rank[x] ?? 0) - (rank[y] ?? 0));
  }

  private evict(x: number): boolean {
    if (x < 0 || this.state.placedInChain[x]) return false;
    this.state.remove(x);
    if (this.top === this.stack.length) {
      const grown = new Int32Array(this.stack.length * 2);
      grown.set(this.stack);
      this.stack = grown;
    }
    this.stack[this.top++] = x;
    return true;
  }

  /** Most valuable first, so the meetings that matter most get first pick of the free slots. */
  private sortByValue(from: number, to: number): void {
    const value = this.state.model.edges.value;
    for (let i = from + 1; i < to; i++) {
      const x = this.stack[i] ?? 0;
      let j = i - 1;
      while (j >= from && (value[this.stack[j] ?? 0] ?? 0) < (value[x] ?? 0)) {
        this.stack[j + 1] = this.stack[j] ?? 0;
        j--;
      }
      this.stack[j + 1] = x;
    }
  }
}

/** Takes a handful of random meetings out so the repair can settle into a different arrangement. */
function ruin(state: SearchState, prng: Prng): number[] {
  const placed = state.placedEdges();
  const count = Math.min(placed.length, RUIN_MIN + prng.int(RUIN_SPREAD));
  for (let i = 0; i < count; i++) {
    const j = i + prng.int(placed.length - i);
    const e = placed[j] ?? 0;
    placed[j] = placed[i] ?? 0;
    placed[i] = e;
    state.remove(e);
  }
  state.commit(0);
  return placed.slice(0, count);
}

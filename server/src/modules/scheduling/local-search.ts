import { shuffleInPlace, type Prng } from './prng';
import type { ScheduleModel } from './schedule-model';
import { SearchState } from './search-state';

/** Gains below this are rounding noise, not improvements; it also stops the search cycling. */
const EPS = 1e-9;

export interface SearchOptions {
  /** How far an evicted meeting may in turn evict others to find a new slot. */
  chainDepth: number;
  rounds: number;
  perturbations: number;
  /** Greedy slot choice: 'pressure' keeps free the slots the remaining requests need most. */
  slotChoice: 'pressure' | 'first';
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

  let best = Int32Array.from(state.slotOf);
  let bestTotal = state.total;
  improve(state, order, options, prng);
  if (state.total > bestTotal + EPS) {
    best = Int32Array.from(state.slotOf);
    bestTotal = state.total;
  }
  for (let k = 0; k < options.perturbations; k++) {
    ruin(state, prng);
    improve(state, order, options, prng);
    if (state.total > bestTotal + EPS) {
      best = Int32Array.from(state.slotOf);
      bestTotal = state.total;
    } else if (state.total < bestTotal - EPS) {
      state.restore(best);
    }
  }
  state.restore(best);
  fillDirectly(state, order);
  return state;
}

/** Seats whatever still fits as it is, so a meeting worth nothing is held rather than a table left empty. */
function fillDirectly(state: SearchState, order: Int32Array): void {
  const { slotStart, slots } = state.model.edges;
  for (const e of order) {
    if ((state.slotOf[e] ?? 0) >= 0) continue;
    for (let i = slotStart[e] ?? 0; i < (slotStart[e + 1] ?? 0); i++) {
      if (state.canPlace(e, slots[i] ?? 0)) {
        state.place(e, slots[i] ?? 0);
        break;
      }
    }
  }
  state.commit(0);
}

/** Edges by value, highest first; equal values in seeded random order so no pair is always favoured. */
function valueOrder(model: ScheduleModel, prng: Prng): Int32Array {
  const { count, value } = model.edges;
  const ids = shuffleInPlace(Array.from({ length: count }, (_, e) => e), prng);
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
function improve(state: SearchState, order: Int32Array, options: SearchOptions, prng: Prng): void {
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
        const gain = insertAt(state, e, s, options.chainDepth);
        state.undo(mark);
        if (gain > bestGain) {
          bestGain = gain;
          bestSlot = s;
        }
      }
      if (bestSlot >= 0) {
        const mark = state.checkpoint();
        insertAt(state, e, bestSlot, options.chainDepth);
        state.commit(mark);
      }
    }
    if (state.total <= before + EPS) break;
  }
}

/**
 * Puts edge `e` into slot `s`, evicting what is in the way, then re-seats the evicted meetings.
 * Returns the change in total value; the caller keeps or undoes it.
 */
function insertAt(state: SearchState, e: number, s: number, depth: number): number {
  const { model, occ, load } = state;
  const { u, w, value } = model.edges;
  const S = state.slotCount;
  const a = u[e] ?? 0;
  const b = w[e] ?? 0;
  let gain = value[e] ?? 0;
  const evicted: number[] = [];
  const evict = (x: number): boolean => {
    if (x < 0 || state.placedInChain[x]) return false;
    state.remove(x);
    gain -= value[x] ?? 0;
    evicted.push(x);
    return true;
  };
  for (const p of [a, b]) {
    const x = occ[p * S + s] ?? -1;
    if (x >= 0 && !evict(x)) return -Infinity;
  }
  if ((state.inSlot[s] ?? 0) >= (model.tablesLeft[s] ?? 0) && !evict(state.cheapestIn(s))) return -Infinity;
  for (const p of [a, b]) {
    if ((load[p] ?? 0) >= (model.capLeft[p] ?? 0) && !evict(state.cheapestOf(p))) return -Infinity;
  }
  state.place(e, s);
  if (depth > 0) {
    evicted.sort((x, y) => (value[y] ?? 0) - (value[x] ?? 0));
    for (const x of evicted) gain += reseat(state, x, depth - 1);
  }
  return gain;
}

/** Finds the best new slot for an evicted meeting; returns the value it brings back (0 if none). */
function reseat(state: SearchState, e: number, depth: number): number {
  const { slotStart, slots, value } = state.model.edges;
  const from = slotStart[e] ?? 0;
  const to = slotStart[e + 1] ?? 0;
  for (let i = from; i < to; i++) {
    const s = slots[i] ?? 0;
    if (state.canPlace(e, s)) {
      state.place(e, s);
      return value[e] ?? 0;
    }
  }
  if (depth <= 0) return 0;
  let bestGain = EPS;
  let bestSlot = -1;
  for (let i = from; i < to; i++) {
    const s = slots[i] ?? 0;
    const mark = state.checkpoint();
    const gain = insertAt(state, e, s, depth);
    state.undo(mark);
    if (gain > bestGain) {
      bestGain = gain;
      bestSlot = s;
    }
  }
  return bestSlot < 0 ? 0 : insertAt(state, e, bestSlot, depth);
}

/** Takes a handful of random meetings out so the repair can settle into a different arrangement. */
function ruin(state: SearchState, prng: Prng): void {
  const placed = state.placedEdges();
  const count = Math.min(placed.length, 2 + prng.int(Math.max(1, Math.ceil(placed.length * 0.03))));
  for (let i = 0; i < count; i++) {
    const j = i + prng.int(placed.length - i);
    const e = placed[j] ?? 0;
    placed[j] = placed[i] ?? 0;
    state.remove(e);
  }
  state.commit(0);
}

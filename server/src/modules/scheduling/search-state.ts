import type { ScheduleModel } from './schedule-model';

/**
 * A schedule of the residual problem under construction: which slot each candidate meeting
 * holds, who is busy when, and how full each slot is. Every change goes through {@link place}
 * and {@link remove} and is journalled, so a tentative chain of moves can be rolled back exactly.
 */
export class SearchState {
  readonly slotCount: number;
  /** Slot of each candidate meeting, or -1 while it waits. */
  readonly slotOf: Int32Array;
  /** participant × slot: the meeting held then, or -1. */
  readonly occ: Int32Array;
  readonly load: Int32Array;
  readonly inSlot: Int32Array;
  /** Meetings seated in each slot, packed in rows of `rowWidth`; `posOf` finds one in its row. */
  private readonly members: Int32Array;
  private readonly posOf: Int32Array;
  private readonly rowWidth: number;
  /** Meetings seated by the chain being tried; the same chain must not evict them again. */
  readonly placedInChain: Uint8Array;
  private journal: Int32Array;
  private journalLength = 0;
  total = 0;
  /** Empty tables across all slots; when none is left, nothing can be seated without an eviction. */
  freeTables = 0;

  constructor(readonly model: ScheduleModel) {
    const n = model.participantIds.length;
    const S = model.slotIndexes.length;
    const m = model.edges.count;
    this.slotCount = S;
    this.slotOf = new Int32Array(m).fill(-1);
    this.occ = new Int32Array(n * S).fill(-1);
    this.load = new Int32Array(n);
    this.inSlot = new Int32Array(S);
    this.rowWidth = Math.max(1, ...Array.from(model.tablesLeft));
    this.members = new Int32Array(S * this.rowWidth);
    this.posOf = new Int32Array(m);
    this.placedInChain = new Uint8Array(m);
    this.journal = new Int32Array(1024);
    this.freeTables = model.tablesLeft.reduce((sum, t) => sum + t, 0);
  }

  /** Room at the tables and in both agendas, without moving anyone. */
  canPlace(e: number, s: number): boolean {
    const { u, w } = this.model.edges;
    const a = u[e] ?? 0;
    const b = w[e] ?? 0;
    const S = this.slotCount;
    return (
      (this.occ[a * S + s] ?? 0) < 0 &&
      (this.occ[b * S + s] ?? 0) < 0 &&
      (this.inSlot[s] ?? 0) < (this.model.tablesLeft[s] ?? 0) &&
      (this.load[a] ?? 0) < (this.model.capLeft[a] ?? 0) &&
      (this.load[b] ?? 0) < (this.model.capLeft[b] ?? 0)
    );
  }

  place(e: number, s: number): void {
    // Seating a meeting twice would corrupt every count below; fail loudly instead.
    if ((this.slotOf[e] ?? 0) >= 0) throw new Error(`meeting ${e} is already seated`);
    this.apply(e, s, true);
    this.record(e * 2 + 1, s);
    this.placedInChain[e] = 1;
  }

  remove(e: number): void {
    const s = this.slotOf[e] ?? -1;
    this.record(e * 2, s);
    this.apply(e, s, false);
  }

  checkpoint(): number {
    return this.journalLength;
  }

  undo(to: number): void {
    while (this.journalLength > to) {
      this.journalLength -= 2;
      const op = this.journal[this.journalLength] ?? 0;
      const slot = this.journal[this.journalLength + 1] ?? 0;
      const e = op >> 1;
      if (op & 1) this.placedInChain[e] = 0;
      this.apply(e, slot, (op & 1) === 0);
    }
  }

  /** Keep the changes since `from` and forget how to undo them. */
  commit(from: number): void {
    for (let i = from; i < this.journalLength; i += 2) {
      const op = this.journal[i] ?? 0;
      this.placedInChain[op >> 1] = 0;
    }
    this.journalLength = from;
  }

  /**
   * The cheapest meeting in slot `s` that the current chain may still evict, or -1. Ties go to
   * the lowest meeting number, so replaying a chain after an undo makes the same choices.
   */
  cheapestIn(s: number): number {
    const value = this.model.edges.value;
    let best = -1;
    let bestValue = Infinity;
    const start = s * this.rowWidth;
    const end = start + (this.inSlot[s] ?? 0);
    for (let i = start; i < end; i++) {
      const e = this.members[i] ?? 0;
      const v = value[e] ?? 0;
      if ((v < bestValue || (v === bestValue && e < best)) && !this.placedInChain[e]) {
        best = e;
        bestValue = v;
      }
    }
    return best;
  }

  /** The cheapest meeting of participant `p` that the current chain may still evict, or -1. */
  cheapestOf(p: number): number {
    const value = this.model.edges.value;
    let best = -1;
    let bestValue = Infinity;
    const base = p * this.slotCount;
    for (let s = 0; s < this.slotCount; s++) {
      const e = this.occ[base + s] ?? -1;
      if (e < 0) continue;
      const v = value[e] ?? 0;
      if (v < bestValue && !this.placedInChain[e]) {
        best = e;
        bestValue = v;
      }
    }
    return best;
  }

  placedEdges(): number[] {
    const placed: number[] = [];
    this.slotOf.forEach((s, e) => {
      if (s >= 0) placed.push(e);
    });
    return placed;
  }

  /** Replace the whole schedule, e.g. to return to the best one found. */
  restore(slotOf: Int32Array): void {
    for (let e = 0; e < this.slotOf.length; e++) if ((this.slotOf[e] ?? -1) >= 0) this.apply(e, this.slotOf[e] ?? 0, false);
    this.journalLength = 0;
    slotOf.forEach((s, e) => {
      if (s >= 0) this.apply(e, s, true);
    });
  }

  private apply(e: number, s: number, placing: boolean): void {
    const { u, w, value } = this.model.edges;
    const S = this.slotCount;
    const a = u[e] ?? 0;
    const b = w[e] ?? 0;
    const delta = placing ? 1 : -1;
    this.occ[a * S + s] = placing ? e : -1;
    this.occ[b * S + s] = placing ? e : -1;
    this.load[a] = (this.load[a] ?? 0) + delta;
    this.load[b] = (this.load[b] ?? 0) + delta;
    this.total += delta * (value[e] ?? 0);
    this.freeTables -= delta;
    const row = s * this.rowWidth;
    if (placing) {
      const at = this.inSlot[s] ?? 0;
      this.members[row + at] = e;
      this.posOf[e] = at;
      this.inSlot[s] = at + 1;
      this.slotOf[e] = s;
    } else {
      const last = (this.inSlot[s] ?? 1) - 1;
      const at = this.posOf[e] ?? 0;
      const moved = this.members[row + last] ?? 0;
      this.members[row + at] = moved;
      this.posOf[moved] = at;
      this.inSlot[s] = last;
      this.slotOf[e] = -1;
    }
  }

  /** Each entry is the operation and the slot it concerned, so undo can replay it backwards. */
  private record(op: number, slot: number): void {
    if (this.journalLength + 2 > this.journal.length) {
      const grown = new Int32Array(this.journal.length * 2);
      grown.set(this.journal);
      this.journal = grown;
    }
    this.journal[this.journalLength++] = op;
    this.journal[this.journalLength++] = slot;
  }
}

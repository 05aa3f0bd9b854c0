import type { ScheduleModel } from './schedule-model';

export function residualUpperBound(model: ScheduleModel, achieved: number, iterations: number): number {
  return Math.min(sumOfValues(model), perParticipantBound(model), lagrangianBound(model, achieved, iterations));
}

function sumOfValues(model: ScheduleModel): number {
  return model.edges.value.reduce((sum, v) => sum + v, 0);
}

function perParticipantBound(model: ScheduleModel): number {
  const { u, w, value, count } = model.edges;
  const S = model.slotIndexes.length;
  const n = model.participantIds.length;
  const incident: number[][] = Array.from({ length: n }, () => []);
  for (let e = 0; e < count; e++) {
    incident[u[e] ?? 0]?.push(value[e] ?? 0);
    incident[w[e] ?? 0]?.push(value[e] ?? 0);
  }
  let total = 0;
  incident.forEach((values, p) => {
    let freeSlots = 0;
    for (let s = 0; s < S; s++) freeSlots += model.freeCell[p * S + s] ?? 0;
    const room = Math.min(model.capLeft[p] ?? 0, freeSlots);
    values.sort((x, y) => y - x);
    for (let i = 0; i < Math.min(room, values.length); i++) total += values[i] ?? 0;
  });
  return total / 2;
}

class Prices {
  readonly S: number;
  readonly n: number;
  readonly lambda: Float64Array;
  readonly mu: Float64Array;
  readonly nu: Float64Array;
  readonly seatUse: Int32Array;
  readonly capUse: Int32Array;
  readonly tableUse: Int32Array;
  /** (participant, slot) → the (edge, slot position) pairs that use it. */
  readonly cellStart: Int32Array;
  readonly cellEdge: Int32Array;
  readonly slotStartIdx: Int32Array;
  readonly slotEdge: Int32Array;
  readonly personStart: Int32Array;
  readonly personEdge: Int32Array;
  private scratch: Float64Array;

  constructor(readonly model: ScheduleModel) {
    const { u, w, count, slotStart, slots } = model.edges;
    this.S = model.slotIndexes.length;
    this.n = model.participantIds.length;
    const S = this.S;
    this.lambda = new Float64Array(this.n * S);
    this.mu = new Float64Array(this.n);
    this.nu = new Float64Array(S);
    this.seatUse = new Int32Array(this.n * S);
    this.capUse = new Int32Array(this.n);
    this.tableUse = new Int32Array(S);
    const cellCount = new Int32Array(this.n * S + 1);
    const slotCount = new Int32Array(S + 1);
    const personCount = new Int32Array(this.n + 1);
    for (let e = 0; e < count; e++) {
      personCount[(u[e] ?? 0) + 1]++;
      personCount[(w[e] ?? 0) + 1]++;
      for (let i = slotStart[e] ?? 0; i < (slotStart[e + 1] ?? 0); i++) {
        const s = slots[i] ?? 0;
        cellCount[(u[e] ?? 0) * S + s + 1]++;
        cellCount[(w[e] ?? 0) * S + s + 1]++;
        slotCount[s + 1]++;
      }
    }
    for (let i = 1; i < cellCount.length; i++) cellCount[i] = (cellCount[i] ?? 0) + (cellCount[i - 1] ?? 0);
    for (let i = 1; i < slotCount.length; i++) slotCount[i] = (slotCount[i] ?? 0) + (slotCount[i - 1] ?? 0);
    for (let i = 1; i < personCount.length; i++) personCount[i] = (personCount[i] ?? 0) + (personCount[i - 1] ?? 0);
    this.cellStart = Int32Array.from(cellCount);
    this.slotStartIdx = Int32Array.from(slotCount);
    this.personStart = Int32Array.from(personCount);
    this.cellEdge = new Int32Array(cellCount[this.n * S] ?? 0);
    this.slotEdge = new Int32Array(slotCount[S] ?? 0);
    this.personEdge = new Int32Array(personCount[this.n] ?? 0);
    for (let e = 0; e < count; e++) {
      this.personEdge[personCount[u[e] ?? 0]++] = e;
      this.personEdge[personCount[w[e] ?? 0]++] = e;
      for (let i = slotStart[e] ?? 0; i < (slotStart[e + 1] ?? 0); i++) {
        const s = slots[i] ?? 0;
        this.cellEdge[cellCount[(u[e] ?? 0) * S + s]++] = e;
        this.cellEdge[cellCount[(w[e] ?? 0) * S + s]++] = e;
        this.slotEdge[slotCount[s]++] = e;
      }
    }
    this.scratch = new Float64Array(64);
  }

  reduced(e: number, s: number): number {
    const { u, w, value } = this.model.edges;
    const a = u[e] ?? 0;
    const b = w[e] ?? 0;
    const S = this.S;
    return (value[e] ?? 0) - (this.mu[a] ?? 0) - (this.mu[b] ?? 0) - (this.lambda[a * S + s] ?? 0) - (this.lambda[b * S + s] ?? 0) - (this.nu[s] ?? 0);
  }

  /** Best reduced value of e over its slots other than `skip` (or all), floored at 0. */
  bestOther(e: number, skip: number, floor = 0): number {
    const { slotStart, slots } = this.model.edges;
    let best = floor;
    for (let i = slotStart[e] ?? 0; i < (slotStart[e + 1] ?? 0); i++) {
      const s = slots[i] ?? 0;
      if (s === skip) continue;
      const r = this.reduced(e, s);
      if (r > best) best = r;
    }
    return best;
  }

  evaluate(): number {
    const { u, w, count, slotStart, slots } = this.model.edges;
    const S = this.S;
    this.seatUse.fill(0);
    this.capUse.fill(0);
    this.tableUse.fill(0);
    let bound = 0;
    for (let e = 0; e < count; e++) {
      const a = u[e] ?? 0;
      const b = w[e] ?? 0;
      let top = 0;
      let topSlot = -1;
      for (let i = slotStart[e] ?? 0; i < (slotStart[e + 1] ?? 0); i++) {
        const s = slots[i] ?? 0;
        const r = this.reduced(e, s);
        if (r > top) {
          top = r;
          topSlot = s;
        }
      }
      if (topSlot < 0) continue;
      bound += top;
      this.seatUse[a * S + topSlot]++;
      this.seatUse[b * S + topSlot]++;
      this.capUse[a]++;
      this.capUse[b]++;
      this.tableUse[topSlot]++;
    }
    for (let i = 0; i < this.lambda.length; i++) bound += this.lambda[i] ?? 0;
    for (let p = 0; p < this.n; p++) bound += (this.model.capLeft[p] ?? 0) * (this.mu[p] ?? 0);
    for (let s = 0; s < S; s++) bound += (this.model.tablesLeft[s] ?? 0) * (this.nu[s] ?? 0);
    return bound;
  }

  /** The k-th largest (1-based) of the first `len` scratch values, or 0 if there are fewer than k positives. */
  private kthLargest(len: number, k: number): number {
    const a = this.scratch.subarray(0, len);
    if (len < k) return 0;
    a.sort();
    return Math.max(0, a[len - k] ?? 0);
  }

  private ensure(len: number): void {
    if (this.scratch.length < len) this.scratch = new Float64Array(len * 2);
  }

  sweep(): void {
    const S = this.S;
    const mode = process.env.PICK ?? 'low';
    // tables
    for (let s = 0; s < S; s++) {
      const from = this.slotStartIdx[s] ?? 0;
      const to = this.slotStartIdx[s + 1] ?? 0;
      this.ensure(to - from);
      const cur = this.nu[s] ?? 0;
      for (let i = from; i < to; i++) {
        const e = this.slotEdge[i] ?? 0;
        this.scratch[i - from] = this.reduced(e, s) + cur - this.bestOther(e, s);
      }
      this.nu[s] = this.pick(to - from, (this.model.tablesLeft[s] ?? 0) + 1, mode);
    }
    for (let p = 0; p < this.n; p++) {
      const from = this.personStart[p] ?? 0;
      const to = this.personStart[p + 1] ?? 0;
      this.ensure(to - from);
      const cur = this.mu[p] ?? 0;
      for (let i = from; i < to; i++) this.scratch[i - from] = this.bestOther(this.personEdge[i] ?? 0, -1, -Infinity) + cur;
      this.mu[p] = this.pick(to - from, (this.model.capLeft[p] ?? 0) + 1, mode);
    }
    for (let c = 0; c < this.n * S; c++) {
      const from = this.cellStart[c] ?? 0;
      const to = this.cellStart[c + 1] ?? 0;
      if (to - from === 0) continue;
      const s = c % S;
      this.ensure(to - from);
      const cur = this.lambda[c] ?? 0;
      for (let i = from; i < to; i++) {
        const e = this.cellEdge[i] ?? 0;
        this.scratch[i - from] = this.reduced(e, s) + cur - this.bestOther(e, s);
      }
      this.lambda[c] = this.pick(to - from, 2, mode);
    }
  }

  /** Any minimiser of k·t + Σ max(0, g − t) lies between the k-th and (k−1)-th largest g. */
  private pick(len: number, k: number, mode: string): number {
    if (len < k) {
      if (mode === 'low' || len < k - 1) return 0;
      const a = this.scratch.subarray(0, len);
      a.sort();
      const hi = Math.max(0, a[len - (k - 1)] ?? 0);
      return mode === 'mid' ? hi / 2 : 0;
    }
    const a = this.scratch.subarray(0, len);
    a.sort();
    const lo = Math.max(0, a[len - k] ?? 0);
    const hi = Math.max(0, a[len - k + 1] ?? 0);
    return mode === 'low' ? lo : mode === 'mid' ? (lo + hi) / 2 : hi;
  }

  subgradientStep(bound: number, achieved: number, theta: number): boolean {
    const S = this.S;
    const { capLeft, tablesLeft } = this.model;
    let norm = 0;
    const active = (price: number, slack: number): number => (price <= 0 && slack > 0 ? 0 : slack);
    for (let i = 0; i < this.lambda.length; i++) norm += active(this.lambda[i] ?? 0, 1 - (this.seatUse[i] ?? 0)) ** 2;
    for (let p = 0; p < this.n; p++) norm += active(this.mu[p] ?? 0, (capLeft[p] ?? 0) - (this.capUse[p] ?? 0)) ** 2;
    for (let s = 0; s < S; s++) norm += active(this.nu[s] ?? 0, (tablesLeft[s] ?? 0) - (this.tableUse[s] ?? 0)) ** 2;
    if (norm === 0) return false;
    const step = (theta * (bound - achieved)) / norm;
    for (let i = 0; i < this.lambda.length; i++) this.lambda[i] = Math.max(0, (this.lambda[i] ?? 0) - step * (1 - (this.seatUse[i] ?? 0)));
    for (let p = 0; p < this.n; p++) this.mu[p] = Math.max(0, (this.mu[p] ?? 0) - step * ((capLeft[p] ?? 0) - (this.capUse[p] ?? 0)));
    for (let s = 0; s < S; s++) this.nu[s] = Math.max(0, (this.nu[s] ?? 0) - step * ((tablesLeft[s] ?? 0) - (this.tableUse[s] ?? 0)));
    return true;
  }
}

function lagrangianBound(model: ScheduleModel, achieved: number, iterations: number): number {
  const prices = new Prices(model);
  prices.nu.fill(tableCapacityPrice(model));
  const sweeps = Number(process.env.SWEEPS ?? 0);
  const every = Number(process.env.EVERY ?? 0);
  const patience = Number(process.env.PATIENCE ?? 20);
  let theta = Number(process.env.THETA ?? 1);
  let best = prices.evaluate();
  for (let k = 0; k < sweeps; k++) {
    prices.sweep();
    best = Math.min(best, prices.evaluate());
  }
  if (process.env.TRACE) console.log('after sweeps', best);
  let sinceImproved = 0;
  for (let it = 0; it < iterations; it++) {
    const bound = prices.evaluate();
    if (bound < best - 1e-12) {
      best = bound;
      sinceImproved = 0;
    } else if (++sinceImproved >= patience) {
      theta /= 2;
      sinceImproved = 0;
    }
    if (best - achieved <= 1e-9 * Math.max(1, achieved)) break;
    if (every > 0 && it % every === every - 1) {
      prices.sweep();
      best = Math.min(best, prices.evaluate());
      continue;
    }
    if (!prices.subgradientStep(bound, achieved, theta)) break;
  }
  return Math.min(best, prices.evaluate());
}

function tableCapacityPrice(model: ScheduleModel): number {
  const tables = model.tablesLeft.reduce((sum, t) => sum + t, 0);
  const values = Array.from(model.edges.value).sort((x, y) => y - x);
  return values.length > tables ? (values[tables] ?? 0) : 0;
}

import { afterEach, describe, expect, it, vi } from 'vitest';
import { AdmissionGate } from './admission';

afterEach(() => {
  vi.useRealTimers();
});

describe('AdmissionGate', () => {
  it('admits up to its limit, then queues in arrival order', async () => {
    const gate = new AdmissionGate(2, 60_000);
    expect(await gate.enter()).toBe(true);
    expect(await gate.enter()).toBe(true);
    const order: number[] = [];
    const third = gate.enter().then((ok) => order.push(3) && ok);
    const fourth = gate.enter().then((ok) => order.push(4) && ok);
    expect(gate.waiting).toBe(2);
    gate.leave();
    gate.leave();
    expect(await third).toBe(true);
    expect(await fourth).toBe(true);
    expect(order).toEqual([3, 4]);
    expect(gate.inUse).toBe(2);
    gate.leave();
    gate.leave();
    expect(gate.inUse).toBe(0);
  });

  it('gives up on a request that waited too long, and does not hand it a place later', async () => {
    vi.useFakeTimers();
    const gate = new AdmissionGate(1, 5_000);
    await gate.enter();
    const waiting = gate.enter();
    vi.advanceTimersByTime(5_000);
    expect(await waiting).toBe(false);
    expect(gate.waiting).toBe(0);
    gate.leave();
    expect(gate.inUse).toBe(0);
    expect(await gate.enter()).toBe(true);
  });
});

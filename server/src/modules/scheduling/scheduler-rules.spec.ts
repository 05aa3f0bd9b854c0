import { describe, expect, it } from 'vitest';
import { ScheduleInputError, scheduleMeetings, type ScheduleInput, type SchedulingParticipant, type SchedulingRequest } from './scheduler';

const person = (id: string, availableSlots: number[] = [0, 1], cap = 5): SchedulingParticipant => ({ id, cap, availableSlots });
let nextId = 0;
const request = (from: string, to: string, extra: Partial<SchedulingRequest> = {}): SchedulingRequest => ({
  id: `r${nextId++}`,
  from,
  to,
  preference: 'MEET',
  matchScore: 0.5,
  mutual: false,
  ...extra,
});
const fair = (extra: Partial<ScheduleInput>): ScheduleInput => ({
  participants: [person('a'), person('b'), person('c')],
  slots: [
    { index: 0, session: 'morning' },
    { index: 1, session: 'morning' },
  ],
  tableCount: 2,
  requests: [],
  seed: 7,
  ...extra,
});
const reasonOf = (input: ScheduleInput, requestId: string): string | undefined =>
  scheduleMeetings(input).unplaced.find((u) => u.requestId === requestId)?.reason;

describe('meeting value and merging', () => {
  it('merges requests both ways into one mutual meeting worth the bonus', () => {
    const ab = request('a', 'b', { matchScore: 0.4 });
    const ba = request('b', 'a', { matchScore: 0.6, preference: 'MUST_MEET' });
    const result = scheduleMeetings(fair({ requests: [ab, ba] }));
    expect(result.meetingsRequested).toBe(1);
    expect(result.assignments).toHaveLength(1);
    expect(result.assignments[0]).toMatchObject({ participantIds: ['a', 'b'], requestIds: [ab.id, ba.id].sort() });
    expect(result.assignments[0]?.value).toBeCloseTo(3 * 0.6 * 1.5, 12);
  });

  it('values a zero score at the floor, so the meeting is still held', () => {
    const result = scheduleMeetings(fair({ requests: [request('a', 'b', { matchScore: 0 })] }));
    expect(result.assignments[0]?.value).toBeCloseTo(0.1, 12);
  });

  it('takes weights, bonus and floor from the config object', () => {
    const config = { preferenceWeights: { MUST_MEET: 5, MEET: 2 }, mutualBonus: 1, scoreFloor: 0.3 };
    const input = fair({ requests: [request('a', 'b', { matchScore: 0.2, mutual: true })], config });
    expect(scheduleMeetings(input).objective).toBeCloseTo(2 * 0.3 * 2, 12);
  });

  it('gives the only table to the must-meet request', () => {
    const must = request('a', 'b', { preference: 'MUST_MEET', matchScore: 0.4 });
    const meet = request('a', 'c', { matchScore: 0.9 });
    const participants = [person('a', [0]), person('b', [0]), person('c', [0])];
    const input = fair({ participants, slots: [{ index: 0, session: 'morning' }], tableCount: 1, requests: [meet, must] });
    expect(scheduleMeetings(input).assignments.map((m) => m.requestIds)).toEqual([[must.id]]);
  });
});

describe('ties', () => {
  it('lets the seed decide between equally valuable meetings, and only the seed', () => {
    const participants = [person('a', [0]), person('b', [0]), person('c', [0])];
    const ab = request('a', 'b');
    const ac = request('a', 'c');
    const winner = (seed: number): string | undefined =>
      scheduleMeetings(fair({ participants, slots: [{ index: 0, session: 'morning' }], requests: [ab, ac], seed })).assignments[0]
        ?.requestIds[0];
    const winners = Array.from({ length: 16 }, (_, seed) => winner(seed));
    expect(new Set(winners)).toEqual(new Set([ab.id, ac.id]));
    expect(Array.from({ length: 16 }, (_, seed) => winner(seed))).toEqual(winners);
  });
});

describe('reasons for unplaced requests', () => {
  it('never seats a "no thanks" pair', () => {
    const r = request('a', 'b');
    expect(reasonOf(fair({ requests: [r], blockedPairs: [['b', 'a']] }), r.id)).toBe('BLOCKED');
  });

  it('reports people who are never free together', () => {
    const r = request('a', 'b');
    const participants = [person('a', [0]), person('b', [1])];
    expect(reasonOf(fair({ participants, requests: [r] }), r.id)).toBe('NO_COMMON_SLOT');
  });

  it('reports a participant at their cap', () => {
    const better = request('a', 'b', { matchScore: 0.9 });
    const worse = request('a', 'c', { matchScore: 0.1 });
    const participants = [person('a', [0, 1], 1), person('b'), person('c')];
    expect(reasonOf(fair({ participants, requests: [better, worse] }), worse.id)).toBe('PARTICIPANT_CAP');
  });

  it('reports full tables when both people are free', () => {
    const better = request('a', 'b', { matchScore: 0.9 });
    const worse = request('c', 'd', { matchScore: 0.1 });
    const input = fair({
      participants: [person('a', [0]), person('b', [0]), person('c', [0]), person('d', [0])],
      tableCount: 1,
      requests: [better, worse],
    });
    expect(reasonOf(input, worse.id)).toBe('NO_TABLE');
  });

  it('reports a request that lost its only slot to a better meeting', () => {
    const better = request('a', 'b', { matchScore: 0.9 });
    const worse = request('a', 'c', { matchScore: 0.1 });
    const participants = [person('a', [0]), person('b', [0]), person('c', [0])];
    expect(reasonOf(fair({ participants, requests: [better, worse] }), worse.id)).toBe('LOWER_VALUE_CONFLICT');
  });

  it('reports every request as table-less when the event has no tables', () => {
    const r = request('a', 'b');
    expect(reasonOf(fair({ tableCount: 0, requests: [r] }), r.id)).toBe('NO_TABLE');
  });
});

describe('locked meetings', () => {
  it('keeps a locked meeting in place even when moving it would be worth more', () => {
    const locked = request('a', 'c', { matchScore: 0.1 });
    const better = request('a', 'b', { matchScore: 1, preference: 'MUST_MEET' });
    const participants = [person('a', [0]), person('b', [0]), person('c', [0])];
    const result = scheduleMeetings(
      fair({ participants, requests: [locked, better], locked: [{ requestId: locked.id, slot: 0, table: 2 }] }),
    );
    expect(result.assignments).toEqual([expect.objectContaining({ requestIds: [locked.id], slot: 0, table: 2, locked: true })]);
    expect(result.unplaced).toEqual([{ requestId: better.id, reason: 'LOCKED_CONFLICT' }]);
  });

  it('leaves locked tables alone and counts locked meetings toward caps', () => {
    const locked = request('a', 'b');
    const other = request('c', 'd');
    const capped = request('a', 'd');
    const input = fair({
      participants: [person('a', [0], 1), person('b', [0]), person('c', [0]), person('d', [0])],
      slots: [{ index: 0, session: 'morning' }],
      requests: [locked, other, capped],
      locked: [{ requestId: locked.id, slot: 0, table: 1 }],
    });
    const result = scheduleMeetings(input);
    expect(result.assignments.map((m) => [m.requestIds[0], m.table])).toEqual([
      [locked.id, 1],
      [other.id, 2],
    ]);
    expect(result.unplaced).toEqual([{ requestId: capped.id, reason: 'PARTICIPANT_CAP' }]);
  });

  it('keeps a locked meeting that staff booked without a request, at no value', () => {
    const result = scheduleMeetings(fair({ locked: [{ participantIds: ['c', 'a'], slot: 1, table: 1 }] }));
    expect(result.assignments).toEqual([{ participantIds: ['a', 'c'], requestIds: [], slot: 1, table: 1, value: 0, locked: true }]);
    expect(result.meetingsRequested).toBe(0);
  });
});

describe('input that contradicts itself', () => {
  const r = request('a', 'b');
  const cases: [string, Partial<ScheduleInput>, string][] = [
    ['a participant listed twice', { participants: [person('a'), person('a')] }, 'INVALID_PARTICIPANT'],
    ['availability in an unknown slot', { participants: [person('a', [5])] }, 'INVALID_PARTICIPANT'],
    ['a request to an unknown participant', { requests: [request('a', 'z')] }, 'INVALID_REQUEST'],
    ['a request to oneself', { requests: [request('a', 'a')] }, 'INVALID_REQUEST'],
    ['a score above 1', { requests: [request('a', 'b', { matchScore: 1.5 })] }, 'INVALID_REQUEST'],
    ['a request id used twice', { requests: [r, { ...r, to: 'c' }] }, 'INVALID_REQUEST'],
    [
      'gaps between slot indices',
      {
        slots: [
          { index: 0, session: 'x' },
          { index: 2, session: 'x' },
        ],
      },
      'INVALID_SLOTS',
    ],
    ['a fractional table count', { tableCount: 1.5 }, 'INVALID_TABLE_COUNT'],
    ['a negative weight', { config: { mutualBonus: -1 } }, 'INVALID_CONFIG'],
    ['a lock on an unknown request', { locked: [{ requestId: 'nope', slot: 0, table: 1 }] }, 'INVALID_LOCKED_MEETING'],
    [
      'a lock at a table that does not exist',
      { requests: [r], locked: [{ requestId: r.id, slot: 0, table: 3 }] },
      'INVALID_LOCKED_MEETING',
    ],
    [
      'two locks at one table',
      {
        locked: [
          { participantIds: ['a', 'b'], slot: 0, table: 1 },
          { participantIds: ['a', 'c'], slot: 1, table: 1 },
          { participantIds: ['b', 'c'], slot: 1, table: 1 },
        ],
      },
      'LOCKED_MEETING_CONFLICT',
    ],
    [
      'two locks for one person at once',
      {
        locked: [
          { participantIds: ['a', 'b'], slot: 0, table: 1 },
          { participantIds: ['a', 'c'], slot: 0, table: 2 },
        ],
      },
      'LOCKED_MEETING_CONFLICT',
    ],
    [
      'a lock on a "no thanks" pair',
      { blockedPairs: [['a', 'b']], locked: [{ participantIds: ['a', 'b'], slot: 0, table: 1 }] },
      'LOCKED_MEETING_CONFLICT',
    ],
    [
      'a lock outside availability',
      { participants: [person('a', [1]), person('b')], locked: [{ participantIds: ['a', 'b'], slot: 0, table: 1 }] },
      'LOCKED_MEETING_CONFLICT',
    ],
    [
      'locks beyond a cap',
      {
        participants: [person('a', [0, 1], 1), person('b'), person('c')],
        locked: [
          { participantIds: ['a', 'b'], slot: 0, table: 1 },
          { participantIds: ['a', 'c'], slot: 1, table: 1 },
        ],
      },
      'LOCKED_MEETING_CONFLICT',
    ],
  ];
  it.each(cases)('rejects %s', (_, extra, code) => {
    expect(() => scheduleMeetings(fair(extra))).toThrow(expect.objectContaining({ code }) as unknown as Error);
    expect(() => scheduleMeetings(fair(extra))).toThrow(ScheduleInputError);
  });

  it('ignores "no thanks" from someone who is not taking part', () => {
    const result = scheduleMeetings(fair({ requests: [r], blockedPairs: [['a', 'ghost']] }));
    expect(result.meetingsPlaced).toBe(1);
  });
});

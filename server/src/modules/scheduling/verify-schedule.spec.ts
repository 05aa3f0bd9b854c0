import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scheduleMeetings, verifySchedule, type MeetingToVerify, type ScheduleInput } from './scheduler';
import { fairArbitrary, MEDIUM_FAIR } from './scheduling.test-support';

const input: ScheduleInput = {
  participants: [
    { id: 'a', cap: 2, availableSlots: [0, 1] },
    { id: 'b', cap: 2, availableSlots: [0, 1] },
    { id: 'c', cap: 1, availableSlots: [0, 1] },
    { id: 'd', cap: 2, availableSlots: [1] },
    { id: 'e', cap: 2, availableSlots: [0, 1] },
  ],
  slots: [
    { index: 0, session: 'morning' },
    { index: 1, session: 'morning' },
  ],
  tableCount: 2,
  requests: [
    { id: 'ab', from: 'a', to: 'b', preference: 'MEET', matchScore: 0.5, mutual: false },
    { id: 'ac', from: 'a', to: 'c', preference: 'MEET', matchScore: 0.5, mutual: false },
    { id: 'bc', from: 'b', to: 'c', preference: 'MEET', matchScore: 0.5, mutual: false },
    { id: 'cd', from: 'c', to: 'd', preference: 'MEET', matchScore: 0.5, mutual: false },
    { id: 'bd', from: 'b', to: 'd', preference: 'MEET', matchScore: 0.5, mutual: false },
  ],
  locked: [{ requestId: 'bd', slot: 1, table: 2 }],
  blockedPairs: [['a', 'd']],
  seed: 1,
};
const meet = (x: string, y: string, slot: number, table: number): MeetingToVerify => ({ participantIds: [x, y], slot, table });
const valid = [meet('a', 'b', 0, 1), meet('b', 'd', 1, 2)];
const kinds = (meetings: MeetingToVerify[]): string[] => verifySchedule(input, meetings).map((v) => v.kind);

describe('verifySchedule', () => {
  it('accepts a schedule that keeps every rule', () => {
    expect(verifySchedule(input, valid)).toEqual([]);
  });

  it.each([
    ['a person in two meetings at once', [...valid, meet('a', 'c', 1, 1), meet('c', 'b', 0, 2)], 'PARTICIPANT_DOUBLE_BOOKED'],
    ['a table used twice in a slot', [...valid, meet('c', 'd', 1, 2)], 'TABLE_DOUBLE_BOOKED'],
    ['a meeting outside availability', [meet('c', 'd', 0, 2), meet('b', 'd', 1, 2)], 'PARTICIPANT_UNAVAILABLE'],
    ['a meeting beyond a cap', [meet('a', 'c', 0, 1), meet('b', 'd', 1, 2), meet('c', 'b', 1, 1)], 'CAP_EXCEEDED'],
    ['a pair meeting twice', [...valid, meet('b', 'a', 1, 1)], 'PAIR_REPEATED'],
    ['a "no thanks" pair', [...valid, meet('a', 'd', 0, 2)], 'BLOCKED_PAIR'],
    ['a meeting nobody asked for', [...valid, meet('a', 'e', 1, 1)], 'UNREQUESTED_PAIR'],
    ['a locked meeting moved', [meet('a', 'b', 0, 1), meet('b', 'd', 1, 1)], 'LOCKED_MEETING_MOVED'],
    ['a locked meeting dropped', [meet('a', 'b', 0, 1)], 'LOCKED_MEETING_MOVED'],
    ['a table that does not exist', [...valid, meet('a', 'c', 1, 3)], 'UNKNOWN_TABLE'],
    ['a slot that does not exist', [...valid, meet('a', 'c', 2, 1)], 'UNKNOWN_SLOT'],
    ['a stranger at the table', [...valid, meet('a', 'z', 1, 1)], 'UNKNOWN_PARTICIPANT'],
  ])('finds %s', (_, meetings, kind) => {
    expect(kinds(meetings)).toContain(kind);
  });

  it('catches any double booking introduced into a real schedule', () => {
    fc.assert(
      fc.property(fairArbitrary(MEDIUM_FAIR), fc.nat(), fc.nat(), (fair, i, j) => {
        const meetings = scheduleMeetings(fair).assignments;
        fc.pre(meetings.length >= 2);
        const moved = meetings[i % meetings.length];
        const target = meetings[(i + 1 + (j % (meetings.length - 1))) % meetings.length];
        if (!moved || !target) return;
        const broken = meetings.map((m) => (m === moved ? { ...m, slot: target.slot, table: target.table } : m));
        expect(verifySchedule(fair, broken).length).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
  });
});

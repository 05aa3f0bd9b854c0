import { describe, expect, it } from 'vitest';
import { affinityScore, type AffinityParty } from './affinity';
import { agendaIcs, foldLine, icsText } from './fair-ics';
import { fairSlots, sessionProblem } from './fair-slots';

const coop = (categories: string[], ocopStars = 0): AffinityParty => ({
  kind: 'COOPERATIVE',
  categories,
  businessKinds: [],
  verified: true,
  ocopStars,
});
const business = (kinds: string[]): AffinityParty => ({
  kind: 'BUSINESS',
  categories: [],
  businessKinds: kinds,
  verified: true,
  ocopStars: 0,
});

describe('fit-by-kind score, used where no posted need relates two participants', () => {
  it('prefers a processor for raw produce and a retailer for finished goods, in [0, 1]', () => {
    expect(affinityScore(coop(['fruit']), business(['PROCESSOR']))).toBeGreaterThan(
      affinityScore(coop(['handicraft']), business(['PROCESSOR'])),
    );
    expect(affinityScore(coop(['processed']), business(['RETAILER']))).toBeGreaterThan(
      affinityScore(coop(['processed']), business(['LOGISTICS'])),
    );
    for (const s of [affinityScore(coop(['fruit'], 5), business(['PROCESSOR', 'EXPORTER'])), affinityScore(coop([]), business([]))]) {
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
    }
  });

  it('is symmetric and rates same-side pairs low', () => {
    expect(affinityScore(coop(['grain']), business(['EXPORTER']))).toBe(affinityScore(business(['EXPORTER']), coop(['grain'])));
    expect(affinityScore(coop(['grain']), coop(['fruit']))).toBeLessThan(0.3);
  });
});

describe('slots', () => {
  it('cuts sessions into whole slots in Vietnam time and drops a short tail', () => {
    const slots = fairSlots([{ label: 'Sáng', date: '2026-12-18', start: '08:00', end: '09:40' }], 30);
    expect(slots.map((s) => s.startsAt.toISOString())).toEqual([
      '2026-12-18T01:00:00.000Z',
      '2026-12-18T01:30:00.000Z',
      '2026-12-18T02:00:00.000Z',
    ]);
    expect(
      sessionProblem([{ label: 'x', date: '2026-12-19', start: '08:00', end: '09:00' }], 30, '2026-12-18', '2026-12-18'),
    ).not.toBeNull();
  });
});

describe('iCalendar', () => {
  it('escapes text and folds long lines at 75 octets without splitting a character', () => {
    expect(icsText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const line = `SUMMARY:${'Gặp Hợp tác xã Nông nghiệp Dịch vụ Long Hiệp '.repeat(4)}`;
    const folded = foldLine(line);
    for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('writes local times with the zone defined in the file', () => {
    const ics = agendaIcs(
      'Hội nghị',
      [
        {
          uid: 'x@cooplink.vn',
          startsAt: new Date('2026-12-18T01:00:00Z'),
          endsAt: new Date('2026-12-18T01:30:00Z'),
          summary: 'Gặp',
          location: 'Bàn 1',
          description: '',
        },
      ],
      new Date('2026-11-28T00:00:00Z'),
    );
    expect(ics).toContain('DTSTART;TZID=Asia/Ho_Chi_Minh:20261218T080000\r\n');
    expect(ics).toContain('DTSTAMP:20261128T000000Z\r\n');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });
});

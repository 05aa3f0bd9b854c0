import type { FairSession } from './fair.entity';

export interface FairSlotTime {
  index: number;
  session: string;
  /** Instants; the wall clock is Asia/Ho_Chi_Minh, which has been UTC+7 without daylight saving since 1975. */
  startsAt: Date;
  endsAt: Date;
}

const HM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function minutesOf(hm: string): number {
  const m = HM.exec(hm);
  if (!m) return NaN;
  return Number(m[1]) * 60 + Number(m[2]);
}

/** The session's local start as an instant. */
function localInstant(date: string, minutes: number): Date {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, mo - 1, d, 0, minutes) - 7 * 3_600_000);
}

/**
 * Cuts the sessions into meeting slots of `slotMinutes`, numbered 0.. across the whole event in
 * session order. A tail shorter than a slot is left out: a meeting never runs past its session.
 */
export function fairSlots(sessions: readonly FairSession[], slotMinutes: number): FairSlotTime[] {
  const out: FairSlotTime[] = [];
  for (const s of sessions) {
    const start = minutesOf(s.start);
    const end = minutesOf(s.end);
    for (let t = start; t + slotMinutes <= end; t += slotMinutes) {
      out.push({
        index: out.length,
        session: s.label,
        startsAt: localInstant(s.date, t),
        endsAt: localInstant(s.date, t + slotMinutes),
      });
    }
  }
  return out;
}

/** Why a session list cannot be used, or null when it can. */
export function sessionProblem(sessions: readonly FairSession[], slotMinutes: number, startsOn: string, endsOn: string): string | null {
  if (sessions.length > 12) return 'At most 12 sessions.';
  for (const s of sessions) {
    const a = minutesOf(s.start);
    const b = minutesOf(s.end);
    if (Number.isNaN(a) || Number.isNaN(b)) return 'Times are HH:MM.';
    if (b - a < slotMinutes) return 'Each session must hold at least one slot.';
    if (s.date < startsOn || s.date > endsOn) return 'Sessions fall within the event’s dates.';
  }
  if (fairSlots(sessions, slotMinutes).length > 64) return 'At most 64 meeting slots.';
  return null;
}

import type { Random } from './random';

const DAY_MS = 86_400_000;
const formatted = new Map<number, string>();

/** Days since 1970-01-01 for a 'YYYY-MM-DD' string. */
function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

/** Back to 'YYYY-MM-DD'; a demo touches only a few thousand distinct days, so they are cached. */
function dayString(day: number): string {
  let s = formatted.get(day);
  if (s === undefined) {
    s = new Date(day * DAY_MS).toISOString().slice(0, 10);
    formatted.set(day, s);
  }
  return s;
}

/** Calendar dates as 'YYYY-MM-DD' strings, computed in UTC so the machine's zone never shifts them. */
export function addDays(date: string, days: number): string {
  return dayString(dayNumber(date) + days);
}

export function addMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const d = Number(date.slice(8, 10));
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return dayString(Date.UTC(y, m, Math.min(d, last)) / DAY_MS);
}

export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function randomDate(rng: Random, from: string, to: string): string {
  const start = dayNumber(from);
  return dayString(start + rng.int(0, Math.max(0, dayNumber(to) - start)));
}

/** A timestamp during Vietnamese office hours (07:30–17:00 ICT) on the given date. */
export function officeTime(rng: Random, date: string): string {
  const minutes = 7 * 60 + 30 + rng.int(0, 570);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${date}T${hh}:${mm}:00+07:00`;
}

/** Today's date in Vietnam, which is the calendar cooperatives and certificates live by. */
export function vietnamDate(at: Date): string {
  return at.toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });
}

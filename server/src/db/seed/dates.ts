import type { Random } from './random';

/** Calendar dates as 'YYYY-MM-DD' strings, computed in UTC so the machine's zone never shifts them. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function randomDate(rng: Random, from: string, to: string): string {
  return addDays(from, rng.int(0, Math.max(0, daysBetween(from, to))));
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

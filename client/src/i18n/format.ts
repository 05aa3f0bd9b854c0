/**
 * Money and dates as Vietnamese users write them, in every interface language:
 * 150.000 ₫ and 28/11/2026, in Asia/Ho_Chi_Minh time.
 */
const LOCALE = 'vi-VN';
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const vnd = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'VND', maximumFractionDigits: 0 });
const plain = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 });
const dateInVietnam = new Intl.DateTimeFormat(LOCALE, {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: TIME_ZONE,
});
const dateTimeInVietnam = new Intl.DateTimeFormat(LOCALE, {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
  timeZone: TIME_ZONE,
});
const timeInVietnam = new Intl.DateTimeFormat(LOCALE, { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: TIME_ZONE });
// A calendar date has no time zone; formatting it at UTC keeps the day it names.
const calendarDate = new Intl.DateTimeFormat(LOCALE, {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'UTC',
});

export function formatVnd(amount: number): string {
  return vnd.format(amount);
}

/** "20.000 – 35.000 ₫", or one amount when both ends agree; null when no price is given. */
export function formatVndRange(min: number | null | undefined, max: number | null | undefined): string | null {
  if (min == null && max == null) return null;
  if (min != null && max != null && min !== max) return `${plain.format(min)} – ${vnd.format(max)}`;
  return vnd.format(min ?? max ?? 0);
}

export function formatNumber(value: number): string {
  return plain.format(value);
}

/** For a `LocalDate` such as "2026-11-28". */
export function formatLocalDate(value: string | null | undefined): string {
  if (!value) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  const [, y, m, d] = match;
  return calendarDate.format(new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))));
}

/** For an instant (`DateTimeISO`), shown as the date in Vietnam. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : dateInVietnam.format(date);
}

/** The clock time alone, "08:30", in Asia/Ho_Chi_Minh: a slot on a fair's day. */
export function formatTime(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : timeInVietnam.format(date);
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : dateTimeInVietnam.format(date);
}

/** Digits typed by a person ("25.000", "25 000 đ") as whole dong; null when empty. */
export function parseVndInput(text: string): number | null {
  const digits = text.replace(/\D/g, '');
  if (!digits) return null;
  const value = Number(digits);
  return Number.isSafeInteger(value) ? value : null;
}

const percent = new Intl.NumberFormat(LOCALE, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A share from 0 to 1 as "33,9 %". */
export function formatShare(share: number): string {
  return percent.format(share);
}

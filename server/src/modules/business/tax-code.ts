/**
 * Vietnamese enterprise tax codes (mã số thuế). A head office has ten digits:
 * two for the issuing province, seven serial digits and a check digit. A branch
 * appends a three-digit unit number 001–999, written after a dash
 * ("0100109106-001") and stored as thirteen plain digits.
 */

/** Weights applied to the first nine digits. */
const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

/**
 * The check digit owed by a code's first nine digits, or null when the
 * weighted sum is divisible by 11: that would need a check digit of 10, so no
 * such code is ever issued.
 */
export function checkDigit(code: string): number | null {
  if (!/^\d{9}/.test(code)) return null;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(code[i]) * (WEIGHTS[i] as number);
  const digit = 10 - (sum % 11);
  return digit === 10 ? null : digit;
}

/**
 * The stored form of what a user typed (10 or 13 digits), or null when it
 * cannot be a valid code: wrong length, letters, a wrong check digit or branch 000.
 */
export function normaliseTaxCode(input: string): string | null {
  const match = /^(\d{10})(?:-?(\d{3}))?$/.exec(input.trim().replace(/\s+/g, ''));
  if (!match) return null;
  const head = match[1] as string;
  const branch = match[2];
  if (checkDigit(head) !== Number(head[9])) return null;
  if (branch === '000') return null;
  return branch === undefined ? head : head + branch;
}

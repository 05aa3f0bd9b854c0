import type { ValidationKey } from '../../apollo/error-codes';
import type { FieldErrors } from '../../apollo/errors';

/** The DOM id of a form field, from its input path (`cooperative.name` → `field-cooperative-name`). */
export function fieldId(path: string): string {
  return `field-${path.replace(/\./g, '-')}`;
}

/** Moves focus to the first field with an error, so a keyboard or screen-reader user lands on it. */
export function focusFirstError(errors: FieldErrors, order: readonly string[] = Object.keys(errors)): void {
  const first = order.find((key) => errors[key]) ?? Object.keys(errors)[0];
  if (!first) return;
  const element = document.getElementById(fieldId(first));
  element?.focus();
  element?.scrollIntoView({ block: 'center' });
}

/** Collects `[path, key]` checks that failed into a FieldErrors map. */
export function collect(checks: readonly (readonly [string, ValidationKey | false | null | undefined])[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const [path, key] of checks) if (key && !errors[path]) errors[path] = key;
  return errors;
}

export const required = (value: string | null | undefined): ValidationKey | null => (value?.trim() ? null : 'required');

export const email = (value: string): ValidationKey | null =>
  !value.trim() ? null : /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim()) ? null : 'isEmail';

/**
 * Vietnamese tax codes: 10 digits, or 13 for a branch (written 0123456789-001).
 * The tenth digit checks the first nine (weights 31…3, modulo 11), which
 * catches most typing slips before the form is sent.
 */
export const taxCode = (value: string): ValidationKey | null => {
  const match = /^(\d{10})(?:-?(\d{3}))?$/.exec(value.trim().replace(/\s+/g, ''));
  const head = match?.[1];
  if (!head || match[2] === '000') return 'isTaxCode';
  const weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];
  const sum = weights.reduce((total, w, i) => total + w * Number(head[i]), 0);
  return 10 - (sum % 11) === Number(head[9]) ? null : 'isTaxCode';
};

export const positiveInt = (value: string): ValidationKey | null => {
  if (!value.trim()) return null;
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? null : 'isPositive';
};

export const nonNegative = (value: string): ValidationKey | null => {
  if (!value.trim()) return null;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? null : 'min';
};

import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';
import type { ErrorCode, ValidationKey } from './error-codes';
import { isErrorCode, validationKeyFor } from './error-codes';

/** Field errors keyed by the form field path, e.g. `priceMin` or `certifications.0.number`. */
export type FieldErrors = Record<string, ValidationKey>;

interface ServerFieldError {
  path?: unknown;
  constraints?: unknown;
}

/** The one code to show for any failure, so the UI never repeats server text. */
export function errorCodeOf(error: unknown): ErrorCode {
  if (CombinedGraphQLErrors.is(error)) {
    for (const e of error.errors) {
      const code = e.extensions?.['code'];
      if (isErrorCode(code)) return code;
    }
    return 'INTERNAL_SERVER_ERROR';
  }
  if (ServerError.is(error)) {
    if (error.statusCode === 429) return 'RATE_LIMITED';
    if (error.statusCode === 401) return 'UNAUTHENTICATED';
    if (error.statusCode === 403) return 'FORBIDDEN';
    if (error.statusCode >= 502 && error.statusCode <= 504) return 'UNAVAILABLE';
    return 'INTERNAL_SERVER_ERROR';
  }
  if (ServerParseError.is(error)) return 'UNAVAILABLE';
  if (error instanceof TypeError) return 'NETWORK';
  if (typeof navigator !== 'undefined' && !navigator.onLine) return 'NETWORK';
  return 'UNKNOWN';
}

/** Seconds to wait, when a thrown RATE_LIMITED error says so. */
export function retryAfterOf(error: unknown): number | undefined {
  if (!CombinedGraphQLErrors.is(error)) return undefined;
  for (const e of error.errors) {
    const seconds = e.extensions?.['retryAfterSeconds'];
    if (typeof seconds === 'number') return seconds;
  }
  return undefined;
}

/** Turns a server field path (`input.certifications[0].number`, or an array) into the form's key. */
export function normaliseFieldPath(path: unknown): string {
  const parts = Array.isArray(path) ? path.map(String) : String(path ?? '').split(/[.[\]]+/);
  const cleaned = parts.filter((p) => p !== '');
  if (cleaned[0] === 'input') cleaned.shift();
  return cleaned.join('.');
}

/** Field errors from a BAD_USER_INPUT error; empty when the failure was of another kind. */
export function fieldErrorsOf(error: unknown): FieldErrors {
  const result: FieldErrors = {};
  if (!CombinedGraphQLErrors.is(error)) return result;
  for (const e of error.errors) {
    if (e.extensions?.['code'] !== 'BAD_USER_INPUT') continue;
    const fields = e.extensions['fields'];
    if (!Array.isArray(fields)) continue;
    for (const f of fields as ServerFieldError[]) {
      const key = normaliseFieldPath(f.path);
      if (key) result[key] = validationKeyFor(f.constraints);
    }
  }
  return result;
}

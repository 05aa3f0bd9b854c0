import type { ErrorCode } from '../apollo/error-codes';
import type { FieldErrors } from '../apollo/errors';
import { errorCodeOf, fieldErrorsOf, retryAfterOf } from '../apollo/errors';

/** What a mutation hook hands back to a screen: its data, or a code to translate. */
export type Outcome<T> = { ok: true; data: T } | Failure;

export interface Failure {
  ok: false;
  code: ErrorCode;
  fields: FieldErrors;
  retryAfterSeconds?: number;
  /** For DUPLICATE: which input field clashed with an existing record. */
  field?: string;
  /** Why a fair action was refused, e.g. PARTICIPANT_BUSY for MEETING_CONFLICT. */
  detail?: string;
}

export function failure(code: ErrorCode, extra: Partial<Omit<Failure, 'ok' | 'code'>> = {}): Failure {
  return { ok: false, code, fields: {}, ...extra };
}

export function failureFrom(error: unknown): Failure {
  const retryAfterSeconds = retryAfterOf(error);
  return {
    ok: false,
    code: errorCodeOf(error),
    fields: fieldErrorsOf(error),
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
  };
}

import { isErrorCode } from '../apollo/error-codes';
import type { Outcome } from './outcome';
import { failure, failureFrom } from './outcome';

/**
 * Fair mutations answer with a union: the record, or an ErrorResult with a code. This turns
 * either, or a thrown error, into the Outcome the screens already know how to show.
 */
export async function fairOutcome<T extends { __typename?: string }>(
  run: () => Promise<T | null | undefined>,
  okTypename: string,
): Promise<Outcome<T>> {
  try {
    const result = await run();
    if (!result) return failure('UNKNOWN');
    if (result.__typename === okTypename) return { ok: true, data: result };
    const { code, conflict, reason } = result as { code?: unknown; conflict?: unknown; reason?: unknown };
    const detail = typeof conflict === 'string' ? conflict : typeof reason === 'string' ? reason : undefined;
    return failure(isErrorCode(code) ? code : 'UNKNOWN', detail ? { detail } : {});
  } catch (error) {
    return failureFrom(error);
  }
}

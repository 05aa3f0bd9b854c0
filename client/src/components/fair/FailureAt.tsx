import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Failure } from '../../mutations/outcome';
import { ErrorNotice } from '../ErrorNotice';

/** Known reasons a meeting move is refused, each with its own wording. */
const CONFLICTS = ['TABLE_TAKEN', 'PARTICIPANT_BUSY', 'OUT_OF_RANGE', 'UNAVAILABLE'] as const;

/**
 * On a long fair page a message at the top is never seen from a phone scrolled far down, so each
 * refusal is kept with the control that caused it (a key such as "request:<registration>") and
 * shown right there. A success anywhere clears it.
 */
export function useFailureAt() {
  const [state, setState] = useState<{ at: string; failure: Failure } | null>(null);
  const report = useCallback((at: string, result: { ok: true } | Failure) => {
    setState(result.ok ? null : { at, failure: result });
    return result.ok;
  }, []);
  const failureAt = (at: string): Failure | null => (state?.at === at ? state.failure : null);
  return { report, failureAt };
}

export function FailureNotice({ failure }: { failure: Failure | null }) {
  const { t } = useTranslation();
  if (!failure) return null;
  const conflict = CONFLICTS.find((c) => c === failure.detail);
  return (
    <ErrorNotice code={failure.code}>
      {conflict && failure.code === 'MEETING_CONFLICT' && <p>{t(`fairs.conflict.${conflict}`)}</p>}
    </ErrorNotice>
  );
}

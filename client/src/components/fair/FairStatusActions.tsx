import type { FairStatus } from '@cooplink/schema/types';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Failure } from '../../mutations/outcome';
import { useTransitionFairMutation } from '../../mutations/useTransitionFairMutation';
import { ErrorNotice } from '../ErrorNotice';

const NEXT: Record<FairStatus, { to: FairStatus; label: 'open' | 'close' | 'complete' } | null> = {
  DRAFT: { to: 'OPEN', label: 'open' },
  OPEN: { to: 'CLOSED', label: 'close' },
  CLOSED: { to: 'COMPLETED', label: 'complete' },
  COMPLETED: null,
};

/** The one next step of the event's life, for staff. */
export function FairStatusActions({ fair }: { fair: { id: string; status: FairStatus; version: number } }) {
  const { t } = useTranslation();
  const [transition, { loading }] = useTransitionFairMutation();
  const [failure, setFailure] = useState<Failure | null>(null);
  const next = NEXT[fair.status];
  if (!next) return null;
  return (
    <div className="row-actions">
      {failure && <ErrorNotice code={failure.code} />}
      <button
        type="button"
        className="button button-secondary"
        disabled={loading}
        onClick={async () => {
          const result = await transition({ id: fair.id, version: fair.version, status: next.to });
          setFailure(result.ok ? null : result);
        }}
      >
        {t(`fairs.setup.${next.label}`)}
      </button>
    </div>
  );
}

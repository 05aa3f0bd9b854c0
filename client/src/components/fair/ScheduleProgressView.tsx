import { useQuery } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

const FairScheduleProgressDocument = graphql(`
  query FairScheduleProgress($id: ID!) {
    fair(id: $id) {
      id
      scheduleProgress {
        phase
        requests
        participants
        startedAt
        updatedAt
      }
    }
  }
`);

const PHASES = ['PREPARING', 'SOLVING', 'SAVING'] as const;

/**
 * While the scheduler runs: which phase the server reports, what it is seating, and for how
 * long. The server records each phase as it enters it; this polls that record.
 */
export function ScheduleProgressView({ fairId, slots, tables }: { fairId: string; slots: number; tables: number }) {
  const { t } = useTranslation();
  const { data } = useQuery(FairScheduleProgressDocument, { variables: { id: fairId }, pollInterval: 400, fetchPolicy: 'network-only' });
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  const [since] = useState(() => Date.now());
  const p = data?.fair?.scheduleProgress;
  // A record left from an earlier run does not describe this one.
  const live = p && new Date(p.startedAt).getTime() >= since - 5_000 ? p : null;
  const current = live ? PHASES.indexOf(live.phase as (typeof PHASES)[number]) : 0;
  return (
    <div className="notice notice-info" role="status" data-testid="schedule-progress">
      <p>
        <strong>{t('fairs.schedule.running')}</strong> {t('fairs.schedule.runningFor', { seconds: Math.floor((now - since) / 1000) })}
      </p>
      {live && live.phase !== 'PREPARING' && (
        <p className="small">{t('fairs.schedule.input', { requests: live.requests, participants: live.participants, slots, tables })}</p>
      )}
      <ol className="schedule-phases">
        {PHASES.map((phase, i) => (
          <li key={phase} className={i === current ? 'phase-current' : i < current ? 'phase-done' : undefined}>
            {i < current ? '✓ ' : i === current ? '▸ ' : '· '}
            {t(`fairs.schedule.phase.${phase}`)}
          </li>
        ))}
      </ol>
    </div>
  );
}

import type { FragmentType } from '@cooplink/schema/graphql';
import { getFragmentData, graphql } from '@cooplink/schema/graphql';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format';

type UnplacedReasonKey = 'BLOCKED' | 'NO_COMMON_SLOT' | 'PARTICIPANT_CAP' | 'NO_TABLE' | 'LOCKED_CONFLICT' | 'LOWER_VALUE_CONFLICT';

export const ScheduleRunSummary_run = graphql(`
  fragment ScheduleRunSummary_run on ScheduleRun {
    meetingsRequested
    meetingsPlaced
    objective
    upperBound
    quality
    conflicts
    lockedKept
    elapsedMs
    unplaced {
      requestId
      reason
      request {
        id
        from {
          organizationName
        }
        to {
          organizationName
        }
      }
    }
  }
`);

const round2 = (n: number) => formatNumber(Math.round(n * 100) / 100);

/**
 * The quality figure staff look for: how close the schedule is to the best one possible, what was
 * placed, and for each meeting left out, who it was between and why.
 */
export function ScheduleRunSummary(props: { run: FragmentType<typeof ScheduleRunSummary_run> }) {
  const run = getFragmentData(ScheduleRunSummary_run, props.run);
  const { t } = useTranslation();
  const reasons = new Map<string, number>();
  for (const u of run.unplaced) reasons.set(u.reason, (reasons.get(u.reason) ?? 0) + 1);
  return (
    <div className="schedule-summary" data-testid="schedule-summary">
      <p className="schedule-quality">{t('fairs.schedule.quality', { percent: formatNumber(Math.floor(run.quality * 1000) / 10) })}</p>
      <p>
        {t('fairs.schedule.placed', { placed: run.meetingsPlaced, requested: run.meetingsRequested })} ·{' '}
        {t('fairs.schedule.conflicts', { count: run.conflicts })} · {t('fairs.schedule.locked', { count: run.lockedKept })}
      </p>
      <p className="small muted">
        {t('fairs.schedule.objective', { objective: round2(run.objective), bound: round2(run.upperBound) })} ·{' '}
        {t('fairs.schedule.elapsed', { ms: formatNumber(run.elapsedMs) })}
      </p>
      {reasons.size > 0 && (
        <details className="small" data-testid="schedule-unplaced">
          <summary>
            {t('fairs.schedule.unplacedTitle')}:{' '}
            {[...reasons].map(([reason, count]) => `${t(`fairs.unplaced.${reason as UnplacedReasonKey}`)} (${count})`).join(' · ')}
          </summary>
          <ul>
            {run.unplaced.map((u) => (
              <li key={u.requestId}>
                {u.request ? `${u.request.from.organizationName} → ${u.request.to.organizationName}: ` : ''}
                {t(`fairs.unplaced.${u.reason as UnplacedReasonKey}`)}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

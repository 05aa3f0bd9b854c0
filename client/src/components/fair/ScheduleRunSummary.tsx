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
    }
  }
`);

/** The quality figure staff look for: how close the schedule is to the best one possible. */
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
      {reasons.size > 0 && (
        <ul className="small">
          {[...reasons].map(([reason, count]) => (
            <li key={reason}>
              {t(`fairs.unplaced.${reason as UnplacedReasonKey}`)}: {count}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

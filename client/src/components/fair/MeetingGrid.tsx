import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatTime } from '../../i18n/format';
import type { Failure } from '../../mutations/outcome';
import { useMoveMeetingMutation } from '../../mutations/useMoveMeetingMutation';
import { ErrorNotice } from '../ErrorNotice';

export interface GridMeeting {
  id: string;
  slot: number;
  table: number;
  locked: boolean;
  status: string;
  registrationA: { organizationName: string };
  registrationB: { organizationName: string };
}

/**
 * Slots down, tables across. Staff pick a meeting, then an empty cell, to move it there; the
 * server checks the clash (the database refuses it), and a moved meeting is locked for re-runs.
 */
export function MeetingGrid({
  fairId,
  slots,
  tableCount,
  meetings,
}: {
  fairId: string;
  slots: readonly { index: number; startsAt: string }[];
  tableCount: number;
  meetings: readonly GridMeeting[];
}) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [move, { loading }] = useMoveMeetingMutation();
  const cell = new Map(meetings.map((m) => [`${m.slot}:${m.table}`, m]));
  const tables = Array.from({ length: tableCount }, (_, i) => i + 1);

  async function moveTo(slot: number, table: number) {
    if (!picked) return;
    const result = await move({ meetingId: picked, slot, table });
    setFailure(result.ok ? null : result);
    setPicked(null);
  }

  return (
    <div className="meeting-grid-wrap">
      {failure && <ErrorNotice code={failure.code} />}
      {picked && <p className="notice notice-info">{t('fairs.grid.pickTarget')}</p>}
      <table className="meeting-grid" data-testid="meeting-grid">
        <thead>
          <tr>
            <th>{t('fairs.grid.slot')}</th>
            {tables.map((n) => (
              <th key={n}>{t('fairs.grid.table', { n })}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {slots.map((s) => (
            <tr key={s.index}>
              <th scope="row">{formatTime(s.startsAt)}</th>
              {tables.map((n) => {
                const m = cell.get(`${s.index}:${n}`);
                if (!m)
                  return (
                    <td key={n} className="grid-empty">
                      {picked && (
                        <button type="button" className="link-button" disabled={loading} onClick={() => void moveTo(s.index, n)}>
                          {t('fairs.grid.moveHere')}
                        </button>
                      )}
                    </td>
                  );
                return (
                  <td key={n} className={`grid-meeting${m.locked ? ' grid-locked' : ''}${picked === m.id ? ' grid-picked' : ''}`}>
                    <button
                      type="button"
                      className="link-button"
                      disabled={m.status !== 'SCHEDULED'}
                      onClick={() => setPicked(picked === m.id ? null : m.id)}
                    >
                      {m.registrationA.organizationName} × {m.registrationB.organizationName}
                    </button>{' '}
                    <Link
                      to={`/fairs/${fairId}/meetings/${m.id}`}
                      className="small"
                      aria-label={t('fairs.grid.open')}
                      title={t('fairs.grid.open')}
                    >
                      ↗
                    </Link>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

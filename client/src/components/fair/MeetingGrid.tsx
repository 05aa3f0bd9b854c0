import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatTime } from '../../i18n/format';
import { useMoveMeetingMutation } from '../../mutations/useMoveMeetingMutation';
import { FailureNotice, useFailureAt } from './FailureAt';

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
 * A picked meeting can also be confirmed where it is (locked) or released for the next run; a
 * refused move is explained right above the grid, where staff are looking.
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
  const { report, failureAt } = useFailureAt();
  const [move, { loading }] = useMoveMeetingMutation();
  const cell = new Map(meetings.map((m) => [`${m.slot}:${m.table}`, m]));
  const tables = Array.from({ length: tableCount }, (_, i) => i + 1);

  async function moveTo(slot: number, table: number) {
    if (!picked) return;
    const result = await move({ meetingId: picked, slot, table });
    report('grid', result);
    setPicked(null);
  }

  /** Confirm (lock) or release a meeting without moving it: a move to its own cell. */
  async function setLocked(m: GridMeeting, locked: boolean) {
    const result = await move({ meetingId: m.id, slot: m.slot, table: m.table, locked });
    report('grid', result);
    setPicked(null);
  }

  const pickedMeeting = meetings.find((m) => m.id === picked);

  return (
    <div className="meeting-grid-wrap">
      <FailureNotice failure={failureAt('grid')} />
      {pickedMeeting && (
        <div className="notice notice-info grid-picked-bar">
          <p>{t('fairs.grid.pickTarget')}</p>
          <p className="row-actions">
            <button
              type="button"
              className="button button-small button-secondary"
              disabled={loading}
              onClick={() => void setLocked(pickedMeeting, !pickedMeeting.locked)}
            >
              {pickedMeeting.locked ? t('fairs.grid.unlock') : t('fairs.grid.lock')}
            </button>
            <button type="button" className="button button-small button-quiet" onClick={() => setPicked(null)}>
              {t('fairs.grid.cancel')}
            </button>
          </p>
        </div>
      )}
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
                    {m.locked && (
                      <span className="small" data-testid="grid-locked" title={t('fairs.grid.locked')} aria-label={t('fairs.grid.locked')}>
                        🔒
                      </span>
                    )}{' '}
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

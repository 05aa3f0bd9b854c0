import { useQuery } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { errorCodeOf } from '../../apollo/errors';
import { ErrorNotice } from '../../components/ErrorNotice';
import { NotFound } from '../../components/NotFound';
import { PageSkeleton } from '../../components/Skeleton';
import { CheckInButton } from '../../components/fair/CheckInButton';
import { useFairParticipants } from '../../components/fair/PartnerPicker';
import { hasRole, useMe } from '../../hooks/useMe';
import { formatLocalDate, formatTime } from '../../i18n/format';

const FairTableSheetDocument = graphql(`
  query FairTableSheet($id: ID!, $table: Int!) {
    fair(id: $id) {
      id
      name
      venue
      startsOn
      tableCount
      tableSheet(table: $table) {
        slot
        startsAt
        endsAt
        meetingId
        status
        a {
          registrationId
          name
          contact
        }
        b {
          registrationId
          name
          contact
        }
      }
    }
  }
`);

/**
 * The sheet for the staff member at one table: every slot in order, who sits down, how to reach
 * them, and who has checked in: on screen staff tap a side in as it arrives; printed on A4, one
 * table per sheet, the boxes are ticked on paper.
 */
export function Component() {
  const { t } = useTranslation();
  const { fairId = '', table = '' } = useParams();
  const { me } = useMe();
  const n = Number(table);
  const valid = Number.isInteger(n) && n >= 1;
  const staff = hasRole(me, 'TRADE_STAFF', 'ADMIN');
  const { data, loading, error } = useQuery(FairTableSheetDocument, {
    variables: { id: fairId, table: n },
    skip: !valid || !staff,
  });
  const { participants } = useFairParticipants(fairId);
  const arrived = new Map(participants.map((p) => [p.id, p.checkedInAt ?? null]));
  if (!valid) return <NotFound />;
  if (!staff) return <p className="notice">{t('fairs.sheet.staffOnly')}</p>;
  if (loading && !data) return <PageSkeleton />;
  if (error) return <ErrorNotice code={errorCodeOf(error)} />;
  const fair = data?.fair;
  if (!fair) return <NotFound />;
  const tables = Array.from({ length: fair.tableCount }, (_, i) => i + 1);

  return (
    <section className="page table-sheet" data-testid="table-sheet">
      <title>{`${t('fairs.sheet.title', { table: n, fair: fair.name })} · CoopLink`}</title>
      <nav className="row-actions table-sheet-nav" aria-label={t('fairs.schedule.tableSheets')}>
        <Link to={`/fairs/${fair.id}`}>{t('fairs.meeting.back')}</Link>
        {tables.map((k) =>
          k === n ? (
            <strong key={k}>{t('fairs.sheet.table', { n: k })}</strong>
          ) : (
            <Link key={k} to={`/fairs/${fair.id}/tables/${k}`}>
              {t('fairs.sheet.table', { n: k })}
            </Link>
          ),
        )}
        <button type="button" className="button button-secondary button-small" onClick={() => window.print()}>
          {t('fairs.print')}
        </button>
      </nav>
      <h1>{t('fairs.sheet.title', { table: n, fair: fair.name })}</h1>
      <p className="muted">
        {fair.venue} · {formatLocalDate(fair.startsOn)}
      </p>
      <table className="agenda-table table-sheet-table">
        <thead>
          <tr>
            <th>{t('fairs.sheet.time')}</th>
            <th>{t('fairs.sheet.partyA')}</th>
            <th>{t('fairs.sheet.checkIn')}</th>
            <th>{t('fairs.sheet.partyB')}</th>
            <th>{t('fairs.sheet.checkIn')}</th>
          </tr>
        </thead>
        <tbody>
          {fair.tableSheet.map((line) => (
            <tr key={line.slot} className={line.meetingId ? undefined : 'sheet-free'}>
              <td>
                {formatTime(line.startsAt)}–{formatTime(line.endsAt)}
              </td>
              {line.a && line.b ? (
                <>
                  <td>
                    <strong>{line.a.name}</strong>
                    <br />
                    <span className="small">{line.a.contact}</span>
                  </td>
                  <td className="check-box">
                    <CheckInButton
                      registrationId={line.a.registrationId}
                      checkedInAt={arrived.get(line.a.registrationId)}
                      name={line.a.name}
                    />
                  </td>
                  <td>
                    <strong>{line.b.name}</strong>
                    <br />
                    <span className="small">{line.b.contact}</span>
                  </td>
                  <td className="check-box">
                    <CheckInButton
                      registrationId={line.b.registrationId}
                      checkedInAt={arrived.get(line.b.registrationId)}
                      name={line.b.name}
                    />
                  </td>
                </>
              ) : (
                <td colSpan={4} className="muted">
                  {t('fairs.sheet.free')}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

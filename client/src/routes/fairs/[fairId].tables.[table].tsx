import { useQuery } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { errorCodeOf } from '../../apollo/errors';
import { ErrorNotice } from '../../components/ErrorNotice';
import { NotFound } from '../../components/NotFound';
import { PageSkeleton } from '../../components/Skeleton';
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
 * them, and boxes to tick on paper as each side arrives. Printed on A4, one table per sheet.
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
                  <td className="check-box" aria-label={t('fairs.sheet.checkIn')}>
                    ☐
                  </td>
                  <td>
                    <strong>{line.b.name}</strong>
                    <br />
                    <span className="small">{line.b.contact}</span>
                  </td>
                  <td className="check-box" aria-label={t('fairs.sheet.checkIn')}>
                    ☐
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

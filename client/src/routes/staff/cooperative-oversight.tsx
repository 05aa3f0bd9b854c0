import type { QueryRef } from '@apollo/client/react';
import { useReadQuery } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { CooperativeStatus, StaffCooperativeQuery } from '@cooplink/schema/types';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoaderFunctionArgs } from 'react-router';
import { Link, useLoaderData } from 'react-router';
import { preloadQuery } from '../../apollo/client';
import { requireRole } from '../../app/guards';
import { RatingForm, StatusForm } from '../../components/oversight/StaffForms';
import '../../components/oversight/oversight.css';
import { PageSkeleton } from '../../components/Skeleton';
import { formatDateTime, formatLocalDate, formatNumber } from '../../i18n/format';

const StaffCooperativeDocument = graphql(`
  query StaffCooperative($id: ID!) {
    cooperative(id: $id) {
      id
      name
      status
      establishedOn
      isPilot
      isModel
      area {
        code
        name
      }
      district {
        code
        name
      }
      ratings {
        year
        score
        ratingClass
        notes
        recordedAt
      }
      statusHistory {
        id
        changedOn
        from
        to
        reason
      }
    }
  }
`);

type PageRef = QueryRef<StaffCooperativeQuery>;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, 'TRADE_STAFF', 'ADMIN');
  return preloadQuery(StaffCooperativeDocument, { variables: { id: params.cooperativeId ?? '' }, fetchPolicy: 'network-only' });
}

export function Component() {
  const queryRef = useLoaderData<PageRef>();
  return (
    <section className="page oversight">
      <Suspense fallback={<PageSkeleton />}>
        <StaffCooperative queryRef={queryRef} />
      </Suspense>
    </section>
  );
}

/** The staff's file on one cooperative: its status decisions and yearly ratings, with forms to record new ones. */
function StaffCooperative({ queryRef }: { queryRef: PageRef }) {
  const { t } = useTranslation();
  const coop = useReadQuery(queryRef).data.cooperative;
  if (!coop) return <p>{t('errors.NOT_FOUND')}</p>;
  return (
    <>
      <title>{`${coop.name} · ${t('oversight.staff.title')} · CoopLink`}</title>
      <p>
        <Link to={`/staff/oversight?area=${coop.district?.code ?? coop.area.code}`}>← {t('oversight.title')}</Link>
      </p>
      <h1>{coop.name}</h1>
      <p className="muted">
        {coop.area.name}
        {coop.district ? `, ${coop.district.name}` : ''} · {t('oversight.staff.established', { date: formatLocalDate(coop.establishedOn) })}
      </p>
      <p>
        <span className={`badge status-${coop.status.toLowerCase()}`} data-testid="coop-status">
          {t(`enums.cooperativeStatus.${coop.status}`)}
        </span>{' '}
        {coop.isPilot && <span className="badge">{t('oversight.pilot')}</span>}
        {coop.isModel && <span className="badge">{t('oversight.model')}</span>}{' '}
        <Link to={`/cooperatives/${coop.id}`}>{t('oversight.staff.publicProfile')}</Link>
      </p>

      <h2>{t('oversight.staff.statusHistory')}</h2>
      {coop.statusHistory.length === 0 ? (
        <p className="muted">{t('oversight.staff.noChanges')}</p>
      ) : (
        <ul className="oversight-coops">
          {coop.statusHistory.map((h) => (
            <li key={h.id}>
              <strong>{formatLocalDate(h.changedOn)}</strong>
              <span>
                {t(`enums.cooperativeStatus.${h.from}`)} → {t(`enums.cooperativeStatus.${h.to}`)}
              </span>
              <span className="muted">{h.reason}</span>
            </li>
          ))}
        </ul>
      )}
      <StatusForm cooperativeId={coop.id} current={coop.status as CooperativeStatus} />

      <h2>{t('oversight.staff.ratings')}</h2>
      {coop.ratings.length === 0 ? (
        <p className="muted">{t('oversight.staff.noRatings')}</p>
      ) : (
        <div className="table-scroll">
          <table className="oversight-table">
            <thead>
              <tr>
                <th scope="col">{t('oversight.year')}</th>
                <th scope="col">{t('oversight.staff.score')}</th>
                <th scope="col">{t('oversight.staff.class')}</th>
                <th scope="col">{t('oversight.staff.notes')}</th>
                <th scope="col">{t('oversight.staff.recordedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {coop.ratings.map((r) => (
                <tr key={r.year}>
                  <td>{r.year}</td>
                  <td>{r.score === null ? '–' : formatNumber(r.score)}</td>
                  <td>{t(`enums.ratingClass.${r.ratingClass}`)}</td>
                  <td>{r.notes}</td>
                  <td>{formatDateTime(r.recordedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <RatingForm cooperativeId={coop.id} />
    </>
  );
}

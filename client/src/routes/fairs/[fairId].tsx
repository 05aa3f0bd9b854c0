import { useQuery } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { errorCodeOf } from '../../apollo/errors';
import { ErrorNotice } from '../../components/ErrorNotice';
import { NotFound } from '../../components/NotFound';
import { PageSkeleton } from '../../components/Skeleton';
import { FairStatusActions } from '../../components/fair/FairStatusActions';
import { ParticipantPanel } from '../../components/fair/ParticipantPanel';
import { StaffFairPanel } from '../../components/fair/StaffFairPanel';
import { hasRole, useMe } from '../../hooks/useMe';
import { formatDateTime, formatLocalDate } from '../../i18n/format';

const FairDetailDocument = graphql(`
  query FairDetail($id: ID!) {
    fair(id: $id) {
      id
      name
      kind
      status
      version
      description
      venue
      startsOn
      endsOn
      registrationOpensAt
      registrationClosesAt
      boothCapacity
      boothsFree
      tableCount
      meetingCap
      slotMinutes
      slots {
        index
        session
        startsAt
        endsAt
      }
    }
  }
`);

export function Component() {
  const { t } = useTranslation();
  const { fairId = '' } = useParams();
  const { me } = useMe();
  // After every fair mutation this query is refetched. The page keeps showing what it has while
  // it does, so the panels below stay mounted: their messages survive and the phone keeps its
  // place on the page instead of jumping back to the top.
  const { data, previousData, loading, error } = useQuery(FairDetailDocument, { variables: { id: fairId } });
  const shown = data ?? previousData;
  if (!shown?.fair && loading) return <PageSkeleton />;
  if (!shown && error) return <ErrorNotice code={errorCodeOf(error)} />;
  const fair = shown?.fair;
  if (!fair) return <NotFound />;
  const staff = hasRole(me, 'TRADE_STAFF', 'ADMIN');
  return (
    <section className="page fair-page">
      <title>{`${fair.name} · CoopLink`}</title>
      <p className="eyebrow">{t(`fairs.kind.${fair.kind}`)}</p>
      <h1>{fair.name}</h1>
      <div className="badges-row">
        <span className="badge badge-accent">{t(`fairs.status.${fair.status}`)}</span>
      </div>
      <dl className="fair-facts">
        <dt>{t('fairs.dates')}</dt>
        <dd>
          {formatLocalDate(fair.startsOn)}
          {fair.endsOn !== fair.startsOn && ` – ${formatLocalDate(fair.endsOn)}`}
        </dd>
        <dt>{t('fairs.venue')}</dt>
        <dd>{fair.venue}</dd>
        <dt>{t('fairs.registrationWindow')}</dt>
        <dd>
          {formatDateTime(fair.registrationOpensAt)} – {formatDateTime(fair.registrationClosesAt)}
        </dd>
        <dt>{t('fairs.booths')}</dt>
        <dd>{t('fairs.boothsFree', { free: fair.boothsFree, total: fair.boothCapacity })}</dd>
        <dt>{t('fairs.meetings')}</dt>
        <dd>
          {t('fairs.meetingSetup', { slots: fair.slots.length, minutes: fair.slotMinutes, tables: fair.tableCount, cap: fair.meetingCap })}
        </dd>
      </dl>
      {fair.description && <p className="prose">{fair.description}</p>}
      {me && !staff && <ParticipantPanel fair={fair} />}
      {staff && <FairStatusActions fair={fair} />}
      {staff && <StaffFairPanel fair={fair} />}
    </section>
  );
}

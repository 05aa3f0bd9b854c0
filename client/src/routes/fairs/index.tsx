import { useQuery } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorCodeOf } from '../../apollo/errors';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageSkeleton } from '../../components/Skeleton';
import { hasRole, useMe } from '../../hooks/useMe';
import { formatLocalDate } from '../../i18n/format';

const FairListDocument = graphql(`
  query FairList($filter: FairFilter) {
    fairs(filter: $filter, first: 50) {
      totalCount
      edges {
        node {
          id
          name
          kind
          status
          venue
          startsOn
          endsOn
          boothsFree
        }
      }
    }
  }
`);

export function Component() {
  const { t } = useTranslation();
  const { me } = useMe();
  // Staff also see their drafts here; the public list never shows them.
  const { data, loading, error } = useQuery(FairListDocument, {
    variables: { filter: hasRole(me, 'TRADE_STAFF', 'ADMIN') ? { status: ['DRAFT', 'OPEN', 'CLOSED', 'COMPLETED'] } : null },
  });
  return (
    <section className="page">
      <title>{`${t('fairs.title')} · CoopLink`}</title>
      <h1>{t('fairs.title')}</h1>
      <p className="muted">{t('fairs.lead')}</p>
      {hasRole(me, 'TRADE_STAFF', 'ADMIN') && (
        <p>
          <Link to="/fairs/new" className="button">
            {t('fairs.setup.new')}
          </Link>
        </p>
      )}
      {loading && <PageSkeleton />}
      {error && <ErrorNotice code={errorCodeOf(error)} />}
      {data && data.fairs.edges.length === 0 && <p className="empty-state">{t('fairs.empty')}</p>}
      <ul className="plain-list fair-list">
        {data?.fairs.edges.map(({ node }) => (
          <li key={node.id} className="fair-card">
            <Link to={`/fairs/${node.id}`}>
              <strong>{node.name}</strong>
            </Link>
            <div className="badges-row">
              <span className="badge">{t(`fairs.kind.${node.kind}`)}</span>
              <span className="badge badge-accent">{t(`fairs.status.${node.status}`)}</span>
            </div>
            <p className="small muted">
              {formatLocalDate(node.startsOn)}
              {node.endsOn !== node.startsOn && ` – ${formatLocalDate(node.endsOn)}`} · {node.venue}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

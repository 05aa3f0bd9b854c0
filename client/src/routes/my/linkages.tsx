import type { QueryRef } from '@apollo/client/react';
import { useQueryRefHandlers, useReadQuery } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { LinkageStatus, MyLinkagesQuery } from '@cooplink/schema/types';
import { Suspense, useDeferredValue } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoaderFunctionArgs } from 'react-router';
import { Link, useLoaderData, useSearchParams } from 'react-router';
import { preloadQuery } from '../../apollo/client';
import { requireSignedIn } from '../../app/guards';
import { PageSkeleton } from '../../components/Skeleton';
import { unitShortKey } from '../../components/units';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { LoadMore } from '../../components/LoadMore';

const MyLinkagesDocument = graphql(`
  query MyLinkages($status: LinkageStatus, $first: Int, $after: String) {
    myLinkages(status: $status, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          status
          updatedAt
          counterpartName
          cooperative {
            id
            name
          }
          need {
            id
            title
            quantity
            unit
          }
          fromFair {
            id
            name
          }
          shares {
            quantity
          }
        }
      }
    }
  }
`);

const STATUSES: LinkageStatus[] = ['PROPOSED', 'ACCEPTED', 'NEGOTIATING', 'AGREED', 'DELIVERING', 'COMPLETED', 'DECLINED', 'CANCELLED'];
type MyLinkagesRef = QueryRef<MyLinkagesQuery>;

function statusOf(search: URLSearchParams): LinkageStatus | null {
  const s = search.get('status');
  return STATUSES.includes(s as LinkageStatus) ? (s as LinkageStatus) : null;
}

export async function loader({ request }: LoaderFunctionArgs): Promise<MyLinkagesRef> {
  await requireSignedIn(request);
  const status = statusOf(new URL(request.url).searchParams);
  return preloadQuery(MyLinkagesDocument, { variables: { status, first: 20 }, fetchPolicy: 'cache-and-network' });
}

/** Every linkage of the viewer's company or cooperative, most recently moved first. */
export function Component() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const status = statusOf(search);
  const queryRef = useLoaderData<MyLinkagesRef>();
  const shownRef = useDeferredValue(queryRef);
  return (
    <section className="page">
      <title>{`${t('myLinkages.title')} · CoopLink`}</title>
      <h1>{t('myLinkages.title')}</h1>
      <label htmlFor="my-linkages-status">{t('myNeeds.statusFilter')}</label>
      <select
        id="my-linkages-status"
        value={status ?? ''}
        onChange={(e) => setSearch(e.target.value ? { status: e.target.value } : {}, { replace: true })}
      >
        <option value="">{t('myNeeds.allStatuses')}</option>
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`needs.status.${s}`)}
          </option>
        ))}
      </select>
      <Suspense fallback={<PageSkeleton />}>
        <List queryRef={shownRef} stale={shownRef !== queryRef} />
      </Suspense>
    </section>
  );
}

function List({ queryRef, stale }: { queryRef: MyLinkagesRef; stale: boolean }) {
  const { t } = useTranslation();
  const { data } = useReadQuery(queryRef);
  const { fetchMore } = useQueryRefHandlers(queryRef);
  const { myLinkages } = data;
  return (
    <div aria-busy={stale} className={stale ? 'stale' : undefined}>
      <p className="results-count">{t('myLinkages.count', { count: myLinkages.totalCount })}</p>
      {myLinkages.edges.length === 0 ? (
        <div className="empty-state">
          <p>{t('myLinkages.empty')}</p>
          <p className="muted">{t('myLinkages.emptyHint')}</p>
        </div>
      ) : (
        <ul className="plain-list linkage-cards" data-testid="my-linkages">
          {myLinkages.edges.map(({ node }) => (
            <li key={node.id} className="card">
              <h2 className="card-title">
                <Link to={`/linkages/${node.id}`}>{node.need?.title ?? t('fairs.linkage.title', { fair: node.fromFair?.name ?? '' })}</Link>
              </h2>
              <p>
                <span className="badge">{t(`needs.status.${node.status}`)}</span>
                {node.shares.length > 0 && <span className="badge">{t('jointOffer.badge', { count: node.shares.length })}</span>}
              </p>
              <p className="muted">
                {node.counterpartName} ↔ {node.cooperative.name}
                {node.need && (
                  <>
                    {' · '}
                    {formatNumber(node.need.quantity)} {t(unitShortKey(node.need.unit))}
                  </>
                )}
              </p>
              <p className="muted small">{t('myLinkages.updated', { when: formatDateTime(node.updatedAt) })}</p>
            </li>
          ))}
        </ul>
      )}
      <LoadMore pageInfo={myLinkages.pageInfo} onMore={(after) => fetchMore({ variables: { after } })} />
    </div>
  );
}

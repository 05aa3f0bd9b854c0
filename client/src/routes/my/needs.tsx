import type { QueryRef } from '@apollo/client/react';
import { useQueryRefHandlers, useReadQuery } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { MyNeedsQuery, NeedStatus } from '@cooplink/schema/types';
import { Suspense, useDeferredValue } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoaderFunctionArgs } from 'react-router';
import { Link, useLoaderData, useSearchParams } from 'react-router';
import { preloadQuery } from '../../apollo/client';
import { requireRole } from '../../app/guards';
import { NeedCard } from '../../components/needs/NeedCard';
import { PageSkeleton } from '../../components/Skeleton';
import { LoadMore } from '../../components/LoadMore';

const MyNeedsDocument = graphql(`
  query MyNeeds($status: NeedStatus, $first: Int, $after: String) {
    myNeeds(status: $status, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          ...NeedCard_need
        }
      }
    }
  }
`);

const STATUSES: NeedStatus[] = ['OPEN', 'PAUSED', 'FULFILLED', 'CLOSED', 'EXPIRED'];
type MyNeedsRef = QueryRef<MyNeedsQuery>;

function statusOf(search: URLSearchParams): NeedStatus | null {
  const s = search.get('status');
  return STATUSES.includes(s as NeedStatus) ? (s as NeedStatus) : null;
}

export async function loader({ request }: LoaderFunctionArgs): Promise<MyNeedsRef> {
  await requireRole(request, 'BUSINESS_REP', 'COOP_MANAGER', 'TRADE_STAFF', 'ADMIN');
  const status = statusOf(new URL(request.url).searchParams);
  return preloadQuery(MyNeedsDocument, { variables: { status, first: 20 }, fetchPolicy: 'cache-and-network' });
}

/** The needs a company or cooperative posted, in every status, so paused and closed ones can be found again. */
export function Component() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const status = statusOf(search);
  const queryRef = useLoaderData<MyNeedsRef>();
  const shownRef = useDeferredValue(queryRef);
  return (
    <section className="page">
      <title>{`${t('myNeeds.title')} · CoopLink`}</title>
      <div className="section-head">
        <h1>{t('myNeeds.title')}</h1>
        <Link to="/needs/new" className="button" data-testid="post-need">
          + {t('needs.navPost')}
        </Link>
      </div>
      <label htmlFor="my-needs-status">{t('myNeeds.statusFilter')}</label>
      <select
        id="my-needs-status"
        value={status ?? ''}
        onChange={(e) => setSearch(e.target.value ? { status: e.target.value } : {}, { replace: true })}
      >
        <option value="">{t('myNeeds.allStatuses')}</option>
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`needs.needStatus.${s}`)}
          </option>
        ))}
      </select>
      <Suspense fallback={<PageSkeleton />}>
        <List queryRef={shownRef} stale={shownRef !== queryRef} />
      </Suspense>
    </section>
  );
}

function List({ queryRef, stale }: { queryRef: MyNeedsRef; stale: boolean }) {
  const { t } = useTranslation();
  const { data } = useReadQuery(queryRef);
  const { fetchMore } = useQueryRefHandlers(queryRef);
  const { myNeeds } = data;
  return (
    <div aria-busy={stale} className={stale ? 'stale' : undefined}>
      <p className="results-count">{t('myNeeds.count', { count: myNeeds.totalCount })}</p>
      {myNeeds.edges.length === 0 ? (
        <div className="empty-state">
          <p>{t('myNeeds.empty')}</p>
          <p className="muted">{t('myNeeds.emptyHint')}</p>
        </div>
      ) : (
        <ul className="plain-list need-list" data-testid="my-needs">
          {myNeeds.edges.map(({ node }) => (
            <NeedCard key={node.id} need={node} showStatus />
          ))}
        </ul>
      )}
      <LoadMore pageInfo={myNeeds.pageInfo} onMore={(after) => fetchMore({ variables: { after } })} />
    </div>
  );
}

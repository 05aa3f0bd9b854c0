import type { QueryRef } from '@apollo/client/react';
import { useQueryRefHandlers, useReadQuery } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { VerificationQueueQuery } from '@cooplink/schema/types';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoaderFunctionArgs } from 'react-router';
import { useLoaderData } from 'react-router';
import { preloadQuery } from '../../apollo/client';
import { requireRole } from '../../app/guards';
import { PageSkeleton } from '../../components/Skeleton';
import { VerificationRow } from '../../components/staff/VerificationRow';
import { LoadMore } from '../../components/LoadMore';

const VerificationQueueDocument = graphql(`
  query VerificationQueue($after: String) {
    verificationQueue(first: 20, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          organizationId
          kind
          ...VerificationRow_item
        }
      }
    }
  }
`);

type QueueRef = QueryRef<VerificationQueueQuery>;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'TRADE_STAFF', 'ADMIN');
  // The queue changes as colleagues work through it; always ask the server.
  return preloadQuery(VerificationQueueDocument, { fetchPolicy: 'network-only' });
}

export function Component() {
  const { t } = useTranslation();
  const queryRef = useLoaderData<QueueRef>();
  return (
    <section className="page">
      <title>{`${t('verification.title')} · CoopLink`}</title>
      <h1>{t('verification.title')}</h1>
      <p className="muted">{t('verification.lead')}</p>
      <Suspense fallback={<PageSkeleton />}>
        <Queue queryRef={queryRef} />
      </Suspense>
    </section>
  );
}

function Queue({ queryRef }: { queryRef: QueueRef }) {
  const { t } = useTranslation();
  const { data } = useReadQuery(queryRef);
  const { fetchMore } = useQueryRefHandlers(queryRef);
  const queue = data.verificationQueue;

  if (queue.edges.length === 0) {
    return (
      <div className="empty-state">
        <p>{t('verification.empty')}</p>
      </div>
    );
  }

  return (
    <>
      <p className="results-count">{t('verification.count', { count: queue.totalCount })}</p>
      <ul className="queue">
        {queue.edges.map((edge) => (
          <VerificationRow key={`${edge.node.kind}:${edge.node.organizationId}`} item={edge.node} />
        ))}
      </ul>
      <LoadMore pageInfo={queue.pageInfo} onMore={(after) => fetchMore({ variables: { after } })} />
    </>
  );
}

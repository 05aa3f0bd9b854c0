import type { QueryRef } from '@apollo/client/react';
import { useQueryRefHandlers, useReadQuery } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { MyCooperativeProductsQuery } from '@cooplink/schema/types';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoaderFunctionArgs } from 'react-router';
import { Link, useLoaderData } from 'react-router';
import { preloadQuery } from '../../../apollo/client';
import { requireRole } from '../../../app/guards';
import { CertificateReminders } from '../../../components/my/CertificateReminders';
import { MyProductRow } from '../../../components/my/MyProductRow';
import { PageSkeleton } from '../../../components/Skeleton';
import { VerifiedBadge } from '../../../components/VerifiedBadge';
import { LoadMore } from '../../../components/LoadMore';

const MyCooperativeProductsDocument = graphql(`
  query MyCooperativeProducts($id: ID!, $after: String) {
    cooperative(id: $id) {
      id
      name
      verified
      products(first: 50, after: $after, includeUnpublished: true) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            ...MyProductRow_product
          }
        }
      }
    }
  }
`);

type ListRef = QueryRef<MyCooperativeProductsQuery>;

interface CooperativeList {
  id: string;
  name: string;
  queryRef: ListRef;
}

export async function loader({ request }: LoaderFunctionArgs): Promise<CooperativeList[]> {
  const me = await requireRole(request, 'COOP_MANAGER');
  return me.memberships
    .filter((m) => m.organizationKind === 'COOPERATIVE')
    .map((m) => ({
      id: m.organizationId,
      name: m.organizationName,
      queryRef: preloadQuery(MyCooperativeProductsDocument, {
        variables: { id: m.organizationId },
        fetchPolicy: 'cache-and-network',
      }),
    }));
}

export function Component() {
  const { t } = useTranslation();
  const lists = useLoaderData<CooperativeList[]>();

  return (
    <section className="page">
      <title>{`${t('myProducts.title')} · CoopLink`}</title>
      <h1>{t('myProducts.title')}</h1>
      <CertificateReminders />
      {lists.length === 0 ? (
        <div className="empty-state">
          <p>{t('myProducts.noCooperative')}</p>
          <p className="muted">{t('myProducts.noCooperativeHint')}</p>
        </div>
      ) : (
        lists.map((list) => (
          <Suspense key={list.id} fallback={<PageSkeleton />}>
            <CooperativeProducts queryRef={list.queryRef} showName={lists.length > 1} />
          </Suspense>
        ))
      )}
    </section>
  );
}

function CooperativeProducts({ queryRef, showName }: { queryRef: ListRef; showName: boolean }) {
  const { t } = useTranslation();
  const { data } = useReadQuery(queryRef);
  const { fetchMore } = useQueryRefHandlers(queryRef);
  const coop = data.cooperative;
  if (!coop) return null;
  const { products } = coop;

  return (
    <section className="section" aria-label={coop.name}>
      <div className="section-head">
        <div>
          {showName && <h2>{coop.name}</h2>}
          <p className="muted">
            {t('myProducts.count', { count: products.totalCount })} <VerifiedBadge verified={coop.verified} />
          </p>
        </div>
        <Link className="button" to={`/my/products/new?cooperative=${coop.id}`} data-testid="new-product">
          + {t('myProducts.newProduct')}
        </Link>
      </div>
      {!coop.verified && <p className="notice notice-info">{t('myProducts.unverifiedHint')}</p>}
      {products.edges.length === 0 ? (
        <div className="empty-state">
          <p>{t('myProducts.empty')}</p>
        </div>
      ) : (
        <ul className="my-product-list">
          {products.edges.map((edge) => (
            <MyProductRow key={edge.node.id} product={edge.node} canPublish={coop.verified} />
          ))}
        </ul>
      )}
      <LoadMore pageInfo={products.pageInfo} onMore={(after) => fetchMore({ variables: { after } })} />
    </section>
  );
}

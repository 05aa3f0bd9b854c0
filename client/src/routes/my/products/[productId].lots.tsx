import type { QueryRef } from '@apollo/client/react';
import { useReadQuery } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { MyProductLotsQuery } from '@cooplink/schema/types';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoaderFunctionArgs } from 'react-router';
import { Link, useLoaderData } from 'react-router';
import { preloadQuery } from '../../../apollo/client';
import { requireRole } from '../../../app/guards';
import { NotFound } from '../../../components/NotFound';
import { PageSkeleton } from '../../../components/Skeleton';
import { EventForm } from '../../../components/trace/EventForm';
import { NewLotForm } from '../../../components/trace/NewLotForm';
import { formatLocalDate, formatNumber } from '../../../i18n/format';

const MyProductLotsDocument = graphql(`
  query MyProductLots($id: ID!) {
    product(id: $id) {
      id
      nameVi
      unit
      lots(first: 50) {
        totalCount
        edges {
          node {
            id
            code
            quantity
            unit
            producedOn
            expiresOn
            publicPath
            events(first: 1) {
              totalCount
            }
          }
        }
      }
    }
  }
`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, 'COOP_MANAGER');
  return preloadQuery(MyProductLotsDocument, { variables: { id: params['productId'] ?? '' }, fetchPolicy: 'network-only' });
}

export function Component() {
  const queryRef = useLoaderData<QueryRef<MyProductLotsQuery>>();
  return (
    <Suspense fallback={<PageSkeleton />}>
      <Lots queryRef={queryRef} />
    </Suspense>
  );
}

function Lots({ queryRef }: { queryRef: QueryRef<MyProductLotsQuery> }) {
  const { t } = useTranslation();
  const { data } = useReadQuery(queryRef);
  const [open, setOpen] = useState<string | null>(null);
  const product = data.product;
  if (!product) return <NotFound />;
  return (
    <section className="page narrow">
      <title>{`${t('trace.lotsOf', { name: product.nameVi })} · CoopLink`}</title>
      <nav className="breadcrumbs" aria-label={t('common.breadcrumbs')}>
        <Link to="/my/products">{t('nav.myProducts')}</Link>
      </nav>
      <h1>{t('trace.lotsOf', { name: product.nameVi })}</h1>
      <details className="card">
        <summary>{t('trace.newLot')}</summary>
        <NewLotForm productId={product.id} unit={product.unit} />
      </details>
      <p className="results-count">{t('trace.lotCount', { count: product.lots.totalCount })}</p>
      <ul className="trace-lots">
        {product.lots.edges.map(({ node: lot }) => (
          <li key={lot.id} className="card" data-testid="lot-row">
            <div className="trace-lot-head">
              <img src={`/t/${encodeURIComponent(lot.code)}/qr.svg`} alt="" width={64} height={64} loading="lazy" />
              <div>
                <strong>{lot.code}</strong>
                <p className="muted">
                  {formatNumber(lot.quantity)} {lot.unit} · {formatLocalDate(lot.producedOn)}
                  {lot.expiresOn ? ` → ${formatLocalDate(lot.expiresOn)}` : ''}
                </p>
                <p className="muted">{t('trace.eventCount', { count: lot.events.totalCount })}</p>
              </div>
            </div>
            <div className="row-actions">
              <button type="button" className="button button-small" onClick={() => setOpen(open === lot.id ? null : lot.id)}>
                {t('trace.addEvent')}
              </button>
              <a className="button button-small button-secondary" href={lot.publicPath}>
                {t('trace.publicPage')}
              </a>
              <a className="button button-small button-secondary" href={`/t/${encodeURIComponent(lot.code)}/labels`}>
                {t('trace.printLabels')}
              </a>
            </div>
            {open === lot.id && <EventForm lotId={lot.id} unit={lot.unit} onDone={() => setOpen(null)} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

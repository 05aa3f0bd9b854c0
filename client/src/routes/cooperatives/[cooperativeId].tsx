import type { QueryRef } from '@apollo/client/react';
import { useQueryRefHandlers, useReadQuery } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { CooperativePageQuery } from '@cooplink/schema/types';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoaderFunctionArgs } from 'react-router';
import { useLoaderData } from 'react-router';
import { preloadQuery } from '../../apollo/client';
import { NotFound } from '../../components/NotFound';
import { RatingBadge } from '../../components/org/RatingBadge';
import { BrandBlock } from '../../components/product/BrandBlock';
import { ProductCard } from '../../components/ProductCard';
import { PageSkeleton } from '../../components/Skeleton';
import { VerifiedBadge } from '../../components/VerifiedBadge';
import { formatLocalDate, formatNumber, formatVnd } from '../../i18n/format';
import { subsectorLabel } from '../../subsectors';
import { LoadMore } from '../../components/LoadMore';

const CooperativePageDocument = graphql(`
  query CooperativePage($id: ID!, $after: String) {
    cooperative(id: $id) {
      id
      name
      registrationNumber
      sector
      subsector
      area {
        code
        name
      }
      district {
        code
        name
      }
      address
      memberCount
      charterCapital
      establishedOn
      status
      isPilot
      isModel
      description
      phone
      email
      verified
      verifiedAt
      currentRating {
        year
        score
        ratingClass
      }
      brands {
        id
        ...BrandBlock_brand
      }
      products(first: 20, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            ...ProductCard_product
          }
        }
      }
    }
  }
`);

type PageRef = QueryRef<CooperativePageQuery>;

export function loader({ params }: LoaderFunctionArgs) {
  return preloadQuery(CooperativePageDocument, { variables: { id: params['cooperativeId'] ?? '' } });
}

export function Component() {
  const queryRef = useLoaderData<PageRef>();
  return (
    <Suspense fallback={<PageSkeleton />}>
      <CooperativeProfile queryRef={queryRef} />
    </Suspense>
  );
}

function CooperativeProfile({ queryRef }: { queryRef: PageRef }) {
  const { t } = useTranslation();
  const { data } = useReadQuery(queryRef);
  const { fetchMore } = useQueryRefHandlers(queryRef);
  const coop = data.cooperative;
  if (!coop) return <NotFound />;
  const { products } = coop;
  const place = [coop.address, coop.area.name, coop.district?.name].filter(Boolean).join(', ');

  return (
    <article className="page profile">
      <title>{`${coop.name} · CoopLink`}</title>
      <header className="profile-head">
        <p className="eyebrow">{t('org.cooperative')}</p>
        <h1>{coop.name}</h1>
        <p className="muted">{place}</p>
        <div className="badges-row">
          <VerifiedBadge verified={coop.verified} verifiedAt={coop.verifiedAt} />
          <span className={`badge badge-status-${coop.status.toLowerCase()}`}>{t(`enums.cooperativeStatus.${coop.status}`)}</span>
          <RatingBadge rating={coop.currentRating} />
          {coop.isPilot && <span className="badge badge-accent">{t('org.pilot')}</span>}
          {coop.isModel && <span className="badge badge-accent">{t('org.model')}</span>}
        </div>
      </header>

      {coop.description && <p className="prose">{coop.description}</p>}

      <dl className="facts facts-grid">
        <div>
          <dt>{t('org.registrationNumber')}</dt>
          <dd>{coop.registrationNumber}</dd>
        </div>
        <div>
          <dt>{t('org.sector')}</dt>
          <dd>
            {t(`enums.sector.${coop.sector}`)}
            {coop.subsector && ` · ${subsectorLabel(t, coop.subsector)}`}
          </dd>
        </div>
        <div>
          <dt>{t('org.members')}</dt>
          <dd>{formatNumber(coop.memberCount)}</dd>
        </div>
        <div>
          <dt>{t('org.charterCapital')}</dt>
          <dd>{formatVnd(coop.charterCapital)}</dd>
        </div>
        <div>
          <dt>{t('org.established')}</dt>
          <dd>{formatLocalDate(coop.establishedOn)}</dd>
        </div>
        {coop.phone && (
          <div>
            <dt>{t('org.phone')}</dt>
            <dd>
              <a href={`tel:${coop.phone}`}>{coop.phone}</a>
            </dd>
          </div>
        )}
        {coop.email && (
          <div>
            <dt>{t('org.email')}</dt>
            <dd>
              <a href={`mailto:${coop.email}`}>{coop.email}</a>
            </dd>
          </div>
        )}
      </dl>

      <section className="section" aria-labelledby="brands-title">
        <h2 id="brands-title">{t('org.brands')}</h2>
        {coop.brands.length === 0 ? (
          <p className="muted">{t('org.noBrands')}</p>
        ) : (
          <ul className="plain-list brand-list">
            {coop.brands.map((brand) => (
              <li key={brand.id}>
                <BrandBlock brand={brand} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="section" aria-labelledby="products-title">
        <h2 id="products-title">{t('org.productsCount', { count: products.totalCount })}</h2>
        {products.edges.length === 0 ? (
          <p className="muted">{t('org.noProducts')}</p>
        ) : (
          <div className="card-grid">
            {products.edges.map((edge) => (
              <ProductCard key={edge.node.id} product={edge.node} />
            ))}
          </div>
        )}
        <LoadMore pageInfo={products.pageInfo} onMore={(after) => fetchMore({ variables: { after } })} />
      </section>
    </article>
  );
}

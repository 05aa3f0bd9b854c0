import type { QueryRef } from '@apollo/client/react';
import { useReadQuery } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { HomePageQuery } from '@cooplink/schema/types';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLoaderData } from 'react-router';
import { preloadQuery } from '../apollo/client';
import { Icon } from '../components/Icon';
import { ProductCard } from '../components/ProductCard';
import { SearchBox } from '../components/SearchBox';
import { CardGridSkeleton } from '../components/Skeleton';
import { hasRole, useMe } from '../hooks/useMe';

const HomePageDocument = graphql(`
  query HomePage {
    products(filter: { minOcopStars: 4 }, sort: NEWEST, first: 8) {
      totalCount
      edges {
        node {
          id
          ...ProductCard_product
        }
      }
    }
  }
`);

export function loader() {
  return preloadQuery(HomePageDocument);
}

export function Component() {
  const { t } = useTranslation();
  const queryRef = useLoaderData<QueryRef<HomePageQuery>>();

  return (
    <div className="page home">
      <title>{`CoopLink · ${t('home.title')}`}</title>
      <section className="hero">
        <h1>{t('home.title')}</h1>
        <p className="lead">{t('home.lead')}</p>
        <SearchBox />
        <p className="hero-links">
          <Link to="/products?sort=NEWEST">{t('home.browseNewest')}</Link>
          <Link to="/products?sector=AGRICULTURE">{t('enums.sector.AGRICULTURE')}</Link>
          <Link to="/products?cert=VIETGAP">VietGAP</Link>
          <Link to="/products?stars=3">OCOP</Link>
        </p>
      </section>

      <RoleEntries />

      <section className="section" aria-labelledby="featured-title">
        <div className="section-head">
          <h2 id="featured-title">{t('home.featuredTitle')}</h2>
          <Link to="/products?stars=4">{t('home.seeAll')}</Link>
        </div>
        <Suspense fallback={<CardGridSkeleton count={4} />}>
          <FeaturedProducts queryRef={queryRef} />
        </Suspense>
      </section>
    </div>
  );
}

function FeaturedProducts({ queryRef }: { queryRef: QueryRef<HomePageQuery> }) {
  const { t } = useTranslation();
  const { data } = useReadQuery(queryRef);
  if (data.products.edges.length === 0) return <p className="muted">{t('home.featuredEmpty')}</p>;
  return (
    <div className="card-grid">
      {data.products.edges.map((edge) => (
        <ProductCard key={edge.node.id} product={edge.node} />
      ))}
    </div>
  );
}

function RoleEntries() {
  const { t } = useTranslation();
  const { me } = useMe();
  const coopTarget = hasRole(me, 'COOP_MANAGER') ? '/my/products' : me ? '/products' : '/register?as=cooperative';
  const staffTarget = hasRole(me, 'TRADE_STAFF', 'ADMIN') ? '/staff/verification' : '/login?next=%2Fstaff%2Fverification';

  return (
    <section className="section role-entries" aria-label={t('home.rolesLabel')}>
      <Link to={coopTarget} className="role-entry">
        <Icon name="leaf" size={28} className="role-icon" />
        <span className="role-title">{t('home.roles.coop.title')}</span>
        <span className="role-text">{t('home.roles.coop.text')}</span>
        <span className="role-action">{t('home.roles.coop.action')} →</span>
      </Link>
      <Link to="/products" className="role-entry">
        <Icon name="building" size={28} className="role-icon" />
        <span className="role-title">{t('home.roles.business.title')}</span>
        <span className="role-text">{t('home.roles.business.text')}</span>
        <span className="role-action">{t('home.roles.business.action')} →</span>
      </Link>
      <Link to={staffTarget} className="role-entry">
        <Icon name="landmark" size={28} className="role-icon" />
        <span className="role-title">{t('home.roles.staff.title')}</span>
        <span className="role-text">{t('home.roles.staff.text')}</span>
        <span className="role-action">{t('home.roles.staff.action')} →</span>
      </Link>
    </section>
  );
}

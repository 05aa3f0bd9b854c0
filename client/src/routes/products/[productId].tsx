import type { QueryRef } from '@apollo/client/react';
import { useReadQuery } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { ProductPageQuery } from '@cooplink/schema/types';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoaderFunctionArgs } from 'react-router';
import { Link, useLoaderData } from 'react-router';
import { preloadQuery } from '../../apollo/client';
import { MonthStrip } from '../../components/MonthStrip';
import { NotFound } from '../../components/NotFound';
import { OcopStars } from '../../components/OcopStars';
import { PriceRange } from '../../components/PriceRange';
import { BrandBlock } from '../../components/product/BrandBlock';
import { CertificationItem } from '../../components/product/CertificationItem';
import { CooperativeCard } from '../../components/product/CooperativeCard';
import { ProductFacts } from '../../components/product/ProductFacts';
import { ProductGallery } from '../../components/product/ProductGallery';
import { ProductLots } from '../../components/product/ProductLots';
import { PageSkeleton } from '../../components/Skeleton';
import { localized } from '../../i18n';

const ProductPageDocument = graphql(`
  query ProductPage($id: ID!) {
    product(id: $id) {
      id
      nameVi
      nameEn
      descriptionVi
      descriptionEn
      status
      unit
      priceMin
      priceMax
      ocopStars
      ocopYear
      availableMonths
      ...ProductGallery_product
      ...ProductFacts_product
      ...ProductLots_product
      brand {
        id
        ...BrandBlock_brand
      }
      certifications {
        id
        ...CertificationItem_certification
      }
      cooperative {
        id
        ...CooperativeCard_cooperative
      }
    }
  }
`);

export function loader({ params }: LoaderFunctionArgs) {
  return preloadQuery(ProductPageDocument, { variables: { id: params['productId'] ?? '' } });
}

export function Component() {
  const queryRef = useLoaderData<QueryRef<ProductPageQuery>>();
  return (
    <Suspense fallback={<PageSkeleton />}>
      <ProductView queryRef={queryRef} />
    </Suspense>
  );
}

function ProductView({ queryRef }: { queryRef: QueryRef<ProductPageQuery> }) {
  const { t, i18n } = useTranslation();
  const { data } = useReadQuery(queryRef);
  const product = data.product;
  if (!product) return <NotFound />;

  const name = localized(i18n.language, product.nameVi, product.nameEn);
  const description = localized(i18n.language, product.descriptionVi, product.descriptionEn);

  return (
    <article className="page product-page">
      <title>{`${name} · CoopLink`}</title>
      <nav className="breadcrumbs" aria-label={t('common.breadcrumbs')}>
        <Link to="/products">{t('catalogue.title')}</Link>
        <span aria-hidden="true"> › </span>
        <span aria-current="page">{name}</span>
      </nav>

      <div className="product-layout">
        <ProductGallery product={product} name={name} />

        <div className="product-summary">
          {product.status !== 'PUBLISHED' && (
            <p className="notice notice-warning">{t('product.notPublished', { status: t(`enums.productStatus.${product.status}`) })}</p>
          )}
          <h1>{name}</h1>
          {i18n.language === 'en' && product.nameEn && (
            <p className="muted" lang="vi">
              {product.nameVi}
            </p>
          )}
          <OcopStars stars={product.ocopStars} year={product.ocopYear} />
          <p className="product-price">
            <PriceRange min={product.priceMin} max={product.priceMax} unit={product.unit} />
          </p>
          <ProductFacts product={product} />
          <CooperativeCard cooperative={product.cooperative} />
        </div>
      </div>

      <div className="product-sections">
        <section className="section" aria-labelledby="months-title">
          <h2 id="months-title">{t('product.availableMonths')}</h2>
          <MonthStrip months={product.availableMonths} />
        </section>

        {description && (
          <section className="section" aria-labelledby="description-title">
            <h2 id="description-title">{t('product.description')}</h2>
            <p className="prose">{description}</p>
          </section>
        )}

        <section className="section" aria-labelledby="brand-title">
          <h2 id="brand-title">{t('product.brand')}</h2>
          {product.brand ? <BrandBlock brand={product.brand} /> : <p className="muted">{t('product.noBrand')}</p>}
        </section>

        <section className="section" aria-labelledby="certs-title">
          <h2 id="certs-title">{t('product.certifications')}</h2>
          {product.certifications.length === 0 ? (
            <p className="muted">{t('product.noCertifications')}</p>
          ) : (
            <ul className="cert-list">
              {product.certifications.map((c) => (
                <CertificationItem key={c.id} certification={c} />
              ))}
            </ul>
          )}
        </section>
        <ProductLots product={product} />
      </div>
    </article>
  );
}

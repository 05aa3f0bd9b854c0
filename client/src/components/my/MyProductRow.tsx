import type { FragmentType } from '@cooplink/schema/graphql';
import { getFragmentData, graphql } from '@cooplink/schema/graphql';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { localized } from '../../i18n';
import { formatDate } from '../../i18n/format';
import type { Failure } from '../../mutations/outcome';
import { useArchiveProductMutation } from '../../mutations/useArchiveProductMutation';
import { usePublishProductMutation } from '../../mutations/usePublishProductMutation';
import { ErrorNotice } from '../ErrorNotice';
import { PriceRange } from '../PriceRange';
import { ProductImage } from '../ProductImage';
import { StatusBadge } from './StatusBadge';

export const MyProductRow_product = graphql(`
  fragment MyProductRow_product on Product {
    id
    nameVi
    nameEn
    status
    version
    unit
    priceMin
    priceMax
    updatedAt
    images {
      id
      url
    }
  }
`);

export function MyProductRow(props: { product: FragmentType<typeof MyProductRow_product>; canPublish: boolean }) {
  const product = getFragmentData(MyProductRow_product, props.product);
  const { t, i18n } = useTranslation();
  const [publish, publishing] = usePublishProductMutation();
  const [archive, archiving] = useArchiveProductMutation();
  const [failure, setFailure] = useState<Failure | null>(null);
  const busy = publishing.loading || archiving.loading;
  const name = localized(i18n.language, product.nameVi, product.nameEn);

  async function change(action: typeof publish): Promise<void> {
    if (busy) return;
    const outcome = await action(product.id, product.version);
    setFailure(outcome.ok ? null : outcome);
  }

  return (
    <li className="card my-product" data-testid="my-product-row">
      <ProductImage url={product.images[0]?.url} alt="" name={name} />
      <div className="my-product-body">
        <h3 className="card-title">
          <Link to={`/my/products/${product.id}/edit`}>{name}</Link>
        </h3>
        <p className="my-product-meta">
          <StatusBadge status={product.status} />
          <PriceRange min={product.priceMin} max={product.priceMax} unit={product.unit} />
        </p>
        <p className="muted small">{t('myProducts.updated', { date: formatDate(product.updatedAt) })}</p>
        {failure && <ErrorNotice code={failure.code} />}
        <div className="row-actions">
          <Link className="button button-small button-secondary" to={`/my/products/${product.id}/edit`}>
            {t('myProducts.edit')}
          </Link>
          <Link className="button button-small button-secondary" to={`/my/products/${product.id}/lots`}>
            {t('trace.lots')}
          </Link>
          {product.status !== 'PUBLISHED' && props.canPublish && (
            <button type="button" className="button button-small" disabled={busy} onClick={() => void change(publish)}>
              {t('myProducts.publish')}
            </button>
          )}
          {product.status === 'PUBLISHED' && (
            <>
              <Link className="button button-small button-secondary" to={`/products/${product.id}`}>
                {t('myProducts.view')}
              </Link>
              <button type="button" className="button button-small button-quiet" disabled={busy} onClick={() => void change(archive)}>
                {t('myProducts.archive')}
              </button>
            </>
          )}
        </div>
      </div>
    </li>
  );
}

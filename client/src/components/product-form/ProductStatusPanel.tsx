import type { FragmentType } from '@cooplink/schema/graphql';
import { getFragmentData, graphql } from '@cooplink/schema/graphql';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../i18n/format';
import type { Failure } from '../../mutations/outcome';
import { useArchiveProductMutation } from '../../mutations/useArchiveProductMutation';
import { usePublishProductMutation } from '../../mutations/usePublishProductMutation';
import { StatusBadge } from '../my/StatusBadge';

export const ProductStatusPanel_product = graphql(`
  fragment ProductStatusPanel_product on Product {
    id
    status
    version
    publishedAt
  }
`);

interface Props {
  product: FragmentType<typeof ProductStatusPanel_product>;
  /** Unsaved edits would not be part of what gets published. */
  dirty: boolean;
  /** Only a cooperative verified by staff may publish. */
  canPublish: boolean;
  onReload: () => void;
}

export function ProductStatusPanel(props: Props) {
  const product = getFragmentData(ProductStatusPanel_product, props.product);
  const { t } = useTranslation();
  const [publish, publishing] = usePublishProductMutation();
  const [archive, archiving] = useArchiveProductMutation();
  const [failure, setFailure] = useState<Failure | null>(null);
  const busy = publishing.loading || archiving.loading;

  async function change(action: typeof publish): Promise<void> {
    if (busy) return;
    const outcome = await action(product.id, product.version);
    setFailure(outcome.ok ? null : outcome);
  }

  return (
    <section className="status-panel" aria-label={t('productForm.statusTitle')}>
      <p>
        {t('productForm.statusTitle')}: <StatusBadge status={product.status} />
        {product.publishedAt && product.status === 'PUBLISHED' && (
          <span className="muted small"> · {t('productForm.publishedAt', { date: formatDateTime(product.publishedAt) })}</span>
        )}
      </p>
      <p className="hint">{t(`productForm.statusHint.${product.status}`)}</p>
      {failure && (
        <div className="notice notice-error" role="alert">
          <p>{failure.code === 'VERSION_CONFLICT' ? t('productForm.versionConflict') : t(`errors.${failure.code}`)}</p>
          {failure.code === 'VERSION_CONFLICT' && (
            <button type="button" className="button button-secondary" onClick={props.onReload}>
              {t('productForm.reload')}
            </button>
          )}
        </div>
      )}
      {!props.canPublish && product.status !== 'PUBLISHED' && <p className="notice notice-info">{t('productForm.notVerifiedHint')}</p>}
      {props.dirty && product.status !== 'PUBLISHED' && <p className="hint">{t('productForm.saveBeforePublish')}</p>}
      <div className="row-actions">
        {product.status !== 'PUBLISHED' && (
          <button
            type="button"
            className="button"
            data-testid="publish-button"
            disabled={busy || props.dirty || !props.canPublish}
            onClick={() => void change(publish)}
          >
            {publishing.loading ? t('productForm.publishing') : t('myProducts.publish')}
          </button>
        )}
        {product.status === 'PUBLISHED' && (
          <Link className="button button-secondary" to={`/products/${product.id}`}>
            {t('myProducts.view')}
          </Link>
        )}
        {product.status === 'PUBLISHED' && (
          <button
            type="button"
            className="button button-quiet"
            data-testid="archive-button"
            disabled={busy}
            onClick={() => void change(archive)}
          >
            {t('myProducts.archive')}
          </button>
        )}
      </div>
    </section>
  );
}

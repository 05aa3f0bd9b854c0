import type { FragmentType } from '@cooplink/schema/graphql';
import { getFragmentData, graphql } from '@cooplink/schema/graphql';
import { useTranslation } from 'react-i18next';
import { localized } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { unitKey, unitShortKey } from '../units';

export const ProductFacts_product = graphql(`
  fragment ProductFacts_product on Product {
    id
    unit
    minOrder
    capacityPerMonth
    packaging
    category {
      code
      nameVi
      nameEn
    }
  }
`);

/** The terms a buyer compares between suppliers, in one scannable list. */
export function ProductFacts(props: { product: FragmentType<typeof ProductFacts_product> }) {
  const product = getFragmentData(ProductFacts_product, props.product);
  const { t, i18n } = useTranslation();
  const unit = t(unitShortKey(product.unit));
  const quantity = (value: number | null) => (value == null ? t('product.notStated') : `${formatNumber(value)} ${unit}`);

  return (
    <dl className="facts">
      <div>
        <dt>{t('product.category')}</dt>
        <dd>{localized(i18n.language, product.category.nameVi, product.category.nameEn)}</dd>
      </div>
      <div>
        <dt>{t('product.unit')}</dt>
        <dd>{t(unitKey(product.unit))}</dd>
      </div>
      <div>
        <dt>{t('product.minOrder')}</dt>
        <dd>{quantity(product.minOrder)}</dd>
      </div>
      <div>
        <dt>{t('product.capacity')}</dt>
        <dd>
          {product.capacityPerMonth == null
            ? t('product.notStated')
            : t('product.perMonth', { amount: quantity(product.capacityPerMonth) })}
        </dd>
      </div>
      <div>
        <dt>{t('product.packaging')}</dt>
        <dd>{product.packaging || t('product.notStated')}</dd>
      </div>
    </dl>
  );
}

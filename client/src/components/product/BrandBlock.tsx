import type { FragmentType } from '@cooplink/schema/graphql';
import { getFragmentData, graphql } from '@cooplink/schema/graphql';
import { useTranslation } from 'react-i18next';

export const BrandBlock_brand = graphql(`
  fragment BrandBlock_brand on Brand {
    id
    name
    kind
    registrationNumber
  }
`);

export function BrandBlock(props: { brand: FragmentType<typeof BrandBlock_brand> }) {
  const brand = getFragmentData(BrandBlock_brand, props.brand);
  const { t } = useTranslation();
  return (
    <div className="brand-block">
      <p className="brand-block-name">{brand.name}</p>
      <p className="muted">
        {t(`enums.brandKind.${brand.kind}`)}
        {brand.registrationNumber && (
          <>
            {' · '}
            {t('product.brandRegistration', { number: brand.registrationNumber })}
          </>
        )}
      </p>
    </div>
  );
}

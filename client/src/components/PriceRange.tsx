import { useTranslation } from 'react-i18next';
import { formatVndRange } from '../i18n/format';
import { unitShortKey } from './units';

export function PriceRange({ min, max, unit }: { min: number | null; max: number | null; unit: string }) {
  const { t } = useTranslation();
  const range = formatVndRange(min, max);
  if (!range) return <span className="price price-none">{t('product.priceOnRequest')}</span>;
  return (
    <span className="price">
      {range}
      <span className="price-unit">/{t(unitShortKey(unit))}</span>
    </span>
  );
}

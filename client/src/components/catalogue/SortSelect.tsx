import type { ProductSort } from '@cooplink/schema/types';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { oneOf, PRODUCT_SORTS } from '../../enums';
import { withParam } from './catalogue-params';

export function SortSelect({ value, hasQuery }: { value: ProductSort; hasQuery: boolean }) {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const options = hasQuery ? PRODUCT_SORTS : PRODUCT_SORTS.filter((s) => s !== 'RELEVANCE');

  return (
    <label className="sort-select">
      <span>{t('catalogue.sortLabel')}</span>
      <select
        value={value}
        onChange={(e) => {
          const sort = oneOf(PRODUCT_SORTS, e.target.value);
          if (sort) void navigate(withParam(search, 'sort', sort), { preventScrollReset: true });
        }}
      >
        {options.map((s) => (
          <option key={s} value={s}>
            {t(`catalogue.sort.${s}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

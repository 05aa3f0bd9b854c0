import { useTranslation } from 'react-i18next';

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

/** Twelve months at a glance; the highlighted ones are when the product is available. */
export function MonthStrip({ months }: { months: readonly number[] }) {
  const { t } = useTranslation();
  const available = new Set(months);
  return (
    <ol className="month-strip" aria-label={t('product.availableMonths')}>
      {MONTHS.map((m) => (
        <li key={m} className={available.has(m) ? 'month month-on' : 'month'} title={t(`enums.month.${m}`)}>
          <span aria-hidden="true">{t(`enums.monthShort.${m}`)}</span>
          <span className="visually-hidden">
            {t(`enums.month.${m}`)}: {available.has(m) ? t('product.monthAvailable') : t('product.monthUnavailable')}
          </span>
        </li>
      ))}
    </ol>
  );
}

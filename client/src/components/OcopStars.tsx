import { useTranslation } from 'react-i18next';

/** OCOP rating as stars, with the year when known; stars alone are not read aloud. */
export function OcopStars({ stars, year }: { stars: number | null | undefined; year?: number | null }) {
  const { t } = useTranslation();
  if (!stars) return null;
  const label = year ? t('product.ocopStarsYear', { count: stars, year }) : t('product.ocopStars', { count: stars });
  return (
    <span className="ocop" title={label}>
      <span className="ocop-label">OCOP</span>
      <span className="ocop-stars" aria-hidden="true">
        {'★'.repeat(stars)}
      </span>
      <span className="visually-hidden">{label}</span>
    </span>
  );
}

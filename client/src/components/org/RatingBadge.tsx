import type { RatingClass } from '@cooplink/schema/types';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format';

/** Circular 01/2020 yearly rating: class, score and year together, since each means little alone. */
export function RatingBadge({ rating }: { rating: { year: number; score: number | null; ratingClass: RatingClass } | null }) {
  const { t } = useTranslation();
  if (!rating || rating.ratingClass === 'UNRATED') {
    return <span className="badge badge-muted">{t('enums.ratingClass.UNRATED')}</span>;
  }
  const text =
    rating.score == null
      ? t('org.ratingShort', { rating: t(`enums.ratingClass.${rating.ratingClass}`), year: rating.year })
      : t('org.ratingFull', {
          rating: t(`enums.ratingClass.${rating.ratingClass}`),
          score: formatNumber(rating.score),
          year: rating.year,
        });
  return <span className={`badge badge-rating-${rating.ratingClass.toLowerCase()}`}>{text}</span>;
}

import type { CertificationScheme } from '@cooplink/schema/types';
import { useTranslation } from 'react-i18next';

interface BadgeCertification {
  id: string;
  scheme: CertificationScheme;
  valid: boolean;
}

/** Scheme badges for a card: valid certificates first, expired ones marked as such. */
export function CertificationBadges({ certifications }: { certifications: readonly BadgeCertification[] }) {
  const { t } = useTranslation();
  if (certifications.length === 0) return null;
  const sorted = [...certifications].sort((a, b) => Number(b.valid) - Number(a.valid));
  return (
    <ul className="badges" aria-label={t('product.certifications')}>
      {sorted.map((c) => (
        <li key={c.id} className={c.valid ? 'badge badge-cert' : 'badge badge-expired'}>
          {t(`enums.certificationScheme.${c.scheme}`)}
          {!c.valid && <span className="visually-hidden"> ({t('product.expired')})</span>}
        </li>
      ))}
    </ul>
  );
}

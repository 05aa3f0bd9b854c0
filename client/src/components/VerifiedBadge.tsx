import { useTranslation } from 'react-i18next';
import { formatDate } from '../i18n/format';

export function VerifiedBadge({ verified, verifiedAt }: { verified: boolean; verifiedAt?: string | null }) {
  const { t } = useTranslation();
  if (!verified) return <span className="badge badge-muted">{t('org.unverified')}</span>;
  return (
    <span className="badge badge-verified" title={verifiedAt ? t('org.verifiedOn', { date: formatDate(verifiedAt) }) : undefined}>
      <span aria-hidden="true">✓ </span>
      {t('org.verified')}
    </span>
  );
}

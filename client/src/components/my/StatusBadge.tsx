import type { ProductStatus } from '@cooplink/schema/types';
import { useTranslation } from 'react-i18next';

export function StatusBadge({ status }: { status: ProductStatus }) {
  const { t } = useTranslation();
  return <span className={`badge badge-status-${status.toLowerCase()}`}>{t(`enums.productStatus.${status}`)}</span>;
}

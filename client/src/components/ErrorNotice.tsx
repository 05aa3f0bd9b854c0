import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../apollo/error-codes';

export function ErrorNotice({ code, children }: { code: ErrorCode; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice-error" role="alert">
      <p>{t(`errors.${code}`)}</p>
      {children}
    </div>
  );
}

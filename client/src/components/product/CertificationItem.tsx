import type { FragmentType } from '@cooplink/schema/graphql';
import { getFragmentData, graphql } from '@cooplink/schema/graphql';
import { useTranslation } from 'react-i18next';
import { formatLocalDate } from '../../i18n/format';

export const CertificationItem_certification = graphql(`
  fragment CertificationItem_certification on Certification {
    id
    scheme
    number
    issuer
    issuedOn
    expiresOn
    valid
  }
`);

export function CertificationItem(props: { certification: FragmentType<typeof CertificationItem_certification> }) {
  const c = getFragmentData(CertificationItem_certification, props.certification);
  const { t } = useTranslation();
  return (
    <li className={c.valid ? 'cert cert-valid' : 'cert cert-expired'}>
      <div className="cert-head">
        <strong>{t(`enums.certificationScheme.${c.scheme}`)}</strong>
        <span className={c.valid ? 'badge badge-valid' : 'badge badge-expired'}>{c.valid ? t('product.valid') : t('product.expired')}</span>
      </div>
      <dl className="cert-facts">
        <div>
          <dt>{t('product.certNumber')}</dt>
          <dd>{c.number}</dd>
        </div>
        <div>
          <dt>{t('product.certIssuer')}</dt>
          <dd>{c.issuer}</dd>
        </div>
        <div>
          <dt>{t('product.certIssued')}</dt>
          <dd>{formatLocalDate(c.issuedOn)}</dd>
        </div>
        <div>
          <dt>{t('product.certExpires')}</dt>
          <dd>{c.expiresOn ? formatLocalDate(c.expiresOn) : t('product.noExpiry')}</dd>
        </div>
      </dl>
    </li>
  );
}

import { useTranslation } from 'react-i18next';
import { CERTIFICATION_SCHEMES, oneOf } from '../../enums';
import { controlProps, Field } from '../form/Field';
import { fieldId } from '../form/validate';
import type { CertificationDraft } from './draft';
import { emptyCertification } from './draft';
import type { SectionProps } from './section-props';

export function CertificationsSection({ draft, update, errors }: SectionProps) {
  const { t } = useTranslation();
  const rows = draft.certifications;
  const change = (index: number, patch: Partial<CertificationDraft>) =>
    update({ certifications: rows.map((row, i) => (i === index ? { ...row, ...patch } : row)) });
  const remove = (index: number) => update({ certifications: rows.filter((_, i) => i !== index) });

  return (
    <fieldset className="form-section">
      <legend className="form-section-title">{t('productForm.sections.certifications')}</legend>
      {rows.length === 0 && <p className="muted">{t('productForm.noCertifications')}</p>}
      <ol className="cert-rows">
        {rows.map((row, i) => {
          const path = (field: string) => `certifications.${i}.${field}`;
          const input = (field: string) => controlProps(fieldId(path(field)), errors[path(field)]);
          return (
            <li key={row.key} className="subform cert-row">
              <div className="cert-row-head">
                <strong>{t('productForm.certificationNumber', { number: i + 1 })}</strong>
                <button
                  type="button"
                  className="link-button danger"
                  onClick={() => remove(i)}
                  aria-label={t('productForm.removeCertification', { number: i + 1 })}
                >
                  {t('common.remove')}
                </button>
              </div>
              <div className="field-row">
                <Field id={fieldId(path('scheme'))} label={t('productForm.certScheme')} error={errors[path('scheme')]} required>
                  <select
                    {...input('scheme')}
                    value={row.scheme}
                    onChange={(e) => change(i, { scheme: oneOf(CERTIFICATION_SCHEMES, e.target.value) ?? 'OTHER' })}
                  >
                    {CERTIFICATION_SCHEMES.map((s) => (
                      <option key={s} value={s}>
                        {t(`enums.certificationScheme.${s}`)}
                      </option>
                    ))}
                  </select>
                </Field>
                <Field id={fieldId(path('number'))} label={t('product.certNumber')} error={errors[path('number')]} required>
                  <input {...input('number')} value={row.number} onChange={(e) => change(i, { number: e.target.value })} />
                </Field>
              </div>
              <Field id={fieldId(path('issuer'))} label={t('product.certIssuer')} error={errors[path('issuer')]} required>
                <input {...input('issuer')} value={row.issuer} onChange={(e) => change(i, { issuer: e.target.value })} />
              </Field>
              <div className="field-row">
                <Field id={fieldId(path('issuedOn'))} label={t('product.certIssued')} error={errors[path('issuedOn')]} required>
                  <input
                    {...input('issuedOn')}
                    type="date"
                    value={row.issuedOn}
                    onChange={(e) => change(i, { issuedOn: e.target.value })}
                  />
                </Field>
                <Field id={fieldId(path('expiresOn'))} label={t('product.certExpires')} error={errors[path('expiresOn')]}>
                  <input
                    {...input('expiresOn')}
                    type="date"
                    value={row.expiresOn}
                    min={row.issuedOn || undefined}
                    onChange={(e) => change(i, { expiresOn: e.target.value })}
                  />
                </Field>
              </div>
            </li>
          );
        })}
      </ol>
      <button type="button" className="button button-secondary" onClick={() => update({ certifications: [...rows, emptyCertification()] })}>
        + {t('productForm.addCertification')}
      </button>
    </fieldset>
  );
}

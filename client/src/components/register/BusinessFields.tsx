import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../apollo/errors';
import { BUSINESS_KINDS } from '../../enums';
import { AreaPicker } from '../form/AreaPicker';
import { controlProps, Field } from '../form/Field';
import { fieldId } from '../form/validate';

export function BusinessFields({ errors }: { errors: FieldErrors }) {
  const { t } = useTranslation();
  const input = (path: string, hint?: string) => controlProps(fieldId(path), errors[path], hint);
  const kindsError = errors['business.kinds'];

  return (
    <div className="form-section">
      <Field id={fieldId('business.name')} label={t('register.business.name')} error={errors['business.name']} required>
        <input {...input('business.name')} name="business.name" autoComplete="organization" />
      </Field>
      <Field
        id={fieldId('business.taxCode')}
        label={t('register.business.taxCode')}
        error={errors['business.taxCode']}
        hint={t('register.business.taxCodeHint')}
        required
      >
        <input {...input('business.taxCode', t('register.business.taxCodeHint'))} name="business.taxCode" inputMode="numeric" />
      </Field>
      <fieldset className={kindsError ? 'field field-invalid' : 'field'}>
        <legend>
          {t('register.business.kinds')}
          <span className="required" aria-hidden="true">
            {' '}
            *
          </span>
        </legend>
        <div className="check-grid">
          {BUSINESS_KINDS.map((kind, i) => (
            <label key={kind} className="check">
              <input
                type="checkbox"
                name="business.kinds"
                value={kind}
                id={i === 0 ? fieldId('business.kinds') : undefined}
                aria-describedby={kindsError ? `${fieldId('business.kinds')}-error` : undefined}
              />
              {t(`enums.businessKind.${kind}`)}
            </label>
          ))}
        </div>
        {kindsError && (
          <p id={`${fieldId('business.kinds')}-error`} className="error-text">
            {t(`validation.${kindsError}`)}
          </p>
        )}
      </fieldset>
      <AreaPicker name="business.areaCode" error={errors['business.areaCode']} />
      <Field id={fieldId('business.address')} label={t('register.business.address')} error={errors['business.address']}>
        <input {...input('business.address')} name="business.address" autoComplete="street-address" />
      </Field>
      <Field id={fieldId('business.contactName')} label={t('register.business.contactName')} error={errors['business.contactName']}>
        <input {...input('business.contactName')} name="business.contactName" autoComplete="name" />
      </Field>
      <Field id={fieldId('business.website')} label={t('register.business.website')} error={errors['business.website']}>
        <input {...input('business.website')} name="business.website" type="url" inputMode="url" placeholder="https://" />
      </Field>
    </div>
  );
}

import type { Sector } from '@cooplink/schema/types';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../apollo/errors';
import { oneOf, SECTORS } from '../../enums';
import { SUBSECTORS } from '../../subsectors';
import { AreaPicker } from '../form/AreaPicker';
import { controlProps, Field } from '../form/Field';
import { fieldId } from '../form/validate';

/** What the provincial registry needs to know about a cooperative, nothing more. */
export function CooperativeFields({ errors }: { errors: FieldErrors }) {
  const { t } = useTranslation();
  const [sector, setSector] = useState<Sector>('AGRICULTURE');
  const input = (path: string, hint?: string) => controlProps(fieldId(path), errors[path], hint);

  return (
    <div className="form-section">
      <Field id={fieldId('cooperative.name')} label={t('register.coop.name')} error={errors['cooperative.name']} required>
        <input {...input('cooperative.name')} name="cooperative.name" autoComplete="organization" />
      </Field>
      <Field
        id={fieldId('cooperative.registrationNumber')}
        label={t('register.coop.registrationNumber')}
        error={errors['cooperative.registrationNumber']}
        required
      >
        <input {...input('cooperative.registrationNumber')} name="cooperative.registrationNumber" />
      </Field>
      <div className="field-row">
        <Field id={fieldId('cooperative.sector')} label={t('register.coop.sector')} error={errors['cooperative.sector']} required>
          <select
            {...input('cooperative.sector')}
            name="cooperative.sector"
            value={sector}
            onChange={(e) => setSector(oneOf(SECTORS, e.target.value) ?? 'AGRICULTURE')}
          >
            {SECTORS.map((s) => (
              <option key={s} value={s}>
                {t(`enums.sector.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id={fieldId('cooperative.subsector')} label={t('register.coop.subsector')} error={errors['cooperative.subsector']} required>
          <select {...input('cooperative.subsector')} name="cooperative.subsector" key={sector} defaultValue="">
            <option value="">{t('area.choose')}</option>
            {SUBSECTORS[sector].map((code) => (
              <option key={code} value={code}>
                {t(`enums.subsector.${code}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <AreaPicker name="cooperative.areaCode" error={errors['cooperative.areaCode']} />
      <Field id={fieldId('cooperative.address')} label={t('register.coop.address')} error={errors['cooperative.address']}>
        <input {...input('cooperative.address')} name="cooperative.address" autoComplete="street-address" />
      </Field>
      <div className="field-row">
        <Field
          id={fieldId('cooperative.memberCount')}
          label={t('register.coop.memberCount')}
          error={errors['cooperative.memberCount']}
          hint={t('register.coop.memberCountHint')}
          required
        >
          <input
            {...input('cooperative.memberCount', t('register.coop.memberCountHint'))}
            name="cooperative.memberCount"
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
          />
        </Field>
        <Field
          id={fieldId('cooperative.charterCapital')}
          label={t('register.coop.charterCapital')}
          error={errors['cooperative.charterCapital']}
        >
          <input {...input('cooperative.charterCapital')} name="cooperative.charterCapital" inputMode="numeric" placeholder="700.000.000" />
        </Field>
      </div>
      <Field
        id={fieldId('cooperative.establishedOn')}
        label={t('register.coop.establishedOn')}
        error={errors['cooperative.establishedOn']}
        required
      >
        <input {...input('cooperative.establishedOn')} name="cooperative.establishedOn" type="date" />
      </Field>
    </div>
  );
}

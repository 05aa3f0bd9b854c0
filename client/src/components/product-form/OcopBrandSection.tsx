import type { FragmentType } from '@cooplink/schema/graphql';
import { getFragmentData, graphql } from '@cooplink/schema/graphql';
import { useTranslation } from 'react-i18next';
import { BRAND_KINDS, oneOf } from '../../enums';
import { controlProps, Field } from '../form/Field';
import { fieldId } from '../form/validate';
import type { ProductDraft } from './draft';
import type { SectionProps } from './section-props';

export const OcopBrandSection_cooperative = graphql(`
  fragment OcopBrandSection_cooperative on Cooperative {
    id
    brands {
      id
      name
      kind
      registrationNumber
    }
  }
`);

const BRAND_MODES: readonly ProductDraft['brandMode'][] = ['none', 'existing', 'new'];

export function OcopBrandSection(props: SectionProps & { cooperative: FragmentType<typeof OcopBrandSection_cooperative> }) {
  const { draft, update, errors } = props;
  const cooperative = getFragmentData(OcopBrandSection_cooperative, props.cooperative);
  const { t } = useTranslation();
  const input = (path: string, hint?: string) => controlProps(fieldId(path), errors[path], hint);
  const modes = cooperative.brands.length > 0 ? BRAND_MODES : BRAND_MODES.filter((m) => m !== 'existing');

  return (
    <fieldset className="form-section">
      <legend className="form-section-title">{t('productForm.sections.ocopBrand')}</legend>
      <div className="field-row">
        <Field id={fieldId('ocopStars')} label={t('productForm.ocopStars')} error={errors['ocopStars']}>
          <select {...input('ocopStars')} value={draft.ocopStars} onChange={(e) => update({ ocopStars: e.target.value })}>
            <option value="">{t('productForm.noOcop')}</option>
            {[3, 4, 5].map((s) => (
              <option key={s} value={String(s)}>
                {t('product.ocopStars', { count: s })}
              </option>
            ))}
          </select>
        </Field>
        {draft.ocopStars && (
          <Field id={fieldId('ocopYear')} label={t('productForm.ocopYear')} error={errors['ocopYear']} required>
            <input
              {...input('ocopYear')}
              type="number"
              inputMode="numeric"
              min={2018}
              value={draft.ocopYear}
              onChange={(e) => update({ ocopYear: e.target.value })}
            />
          </Field>
        )}
      </div>

      <fieldset className="field">
        <legend>{t('productForm.brand')}</legend>
        <div className="segmented">
          {modes.map((mode) => (
            <label key={mode} className={draft.brandMode === mode ? 'segment segment-on' : 'segment'}>
              <input
                type="radio"
                name="brandMode"
                value={mode}
                checked={draft.brandMode === mode}
                onChange={() => update({ brandMode: mode })}
              />
              {t(`productForm.brandMode.${mode}`)}
            </label>
          ))}
        </div>
      </fieldset>

      {draft.brandMode === 'existing' && (
        <Field id={fieldId('brandId')} label={t('productForm.chooseBrand')} error={errors['brandId']} required>
          <select {...input('brandId')} value={draft.brandId} onChange={(e) => update({ brandId: e.target.value })}>
            <option value="">{t('productForm.chooseBrand')}</option>
            {cooperative.brands.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name} · {t(`enums.brandKind.${b.kind}`)}
                {b.registrationNumber ? ` · ${b.registrationNumber}` : ''}
              </option>
            ))}
          </select>
        </Field>
      )}

      {draft.brandMode === 'new' && (
        <div className="subform">
          <Field id={fieldId('brand.name')} label={t('productForm.brandName')} error={errors['brand.name']} required>
            <input {...input('brand.name')} value={draft.brandName} onChange={(e) => update({ brandName: e.target.value })} />
          </Field>
          <div className="field-row">
            <Field id={fieldId('brand.kind')} label={t('productForm.brandKind')} error={errors['brand.kind']} required>
              <select
                {...input('brand.kind')}
                value={draft.brandKind}
                onChange={(e) => update({ brandKind: oneOf(BRAND_KINDS, e.target.value) ?? 'OWN_BRAND' })}
              >
                {BRAND_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`enums.brandKind.${k}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              id={fieldId('brand.registrationNumber')}
              label={t('productForm.brandRegistration')}
              error={errors['brand.registrationNumber']}
            >
              <input
                {...input('brand.registrationNumber')}
                value={draft.brandRegistration}
                onChange={(e) => update({ brandRegistration: e.target.value })}
              />
            </Field>
          </div>
        </div>
      )}
    </fieldset>
  );
}

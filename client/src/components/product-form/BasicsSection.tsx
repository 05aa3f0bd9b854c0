import type { FragmentType } from '@cooplink/schema/graphql';
import { getFragmentData, graphql } from '@cooplink/schema/graphql';
import { useTranslation } from 'react-i18next';
import { flattenCategories } from '../category-options';
import { controlProps, Field } from '../form/Field';
import { fieldId } from '../form/validate';
import { isKnownUnit, UNITS, unitKey } from '../units';
import type { SectionProps } from './section-props';

export const BasicsSection_categories = graphql(`
  fragment BasicsSection_categories on Category {
    code
    nameVi
    nameEn
    children {
      code
      nameVi
      nameEn
      children {
        code
        nameVi
        nameEn
      }
    }
  }
`);

export function BasicsSection(props: SectionProps & { categories: readonly FragmentType<typeof BasicsSection_categories>[] }) {
  const { draft, update, errors } = props;
  const roots = getFragmentData(BasicsSection_categories, props.categories);
  const { t, i18n } = useTranslation();
  const input = (path: string, hint?: string) => controlProps(fieldId(path), errors[path], hint);

  const options = flattenCategories(roots, i18n.language);

  return (
    <fieldset className="form-section">
      <legend className="form-section-title">{t('productForm.sections.basics')}</legend>
      <Field id={fieldId('nameVi')} label={t('productForm.nameVi')} error={errors['nameVi']} required>
        <input {...input('nameVi')} value={draft.nameVi} onChange={(e) => update({ nameVi: e.target.value })} lang="vi" />
      </Field>
      <Field id={fieldId('nameEn')} label={t('productForm.nameEn')} error={errors['nameEn']}>
        <input {...input('nameEn')} value={draft.nameEn} onChange={(e) => update({ nameEn: e.target.value })} lang="en" />
      </Field>
      <Field id={fieldId('descriptionVi')} label={t('productForm.descriptionVi')} error={errors['descriptionVi']}>
        <textarea
          {...input('descriptionVi')}
          rows={4}
          value={draft.descriptionVi}
          onChange={(e) => update({ descriptionVi: e.target.value })}
          lang="vi"
        />
      </Field>
      <Field id={fieldId('descriptionEn')} label={t('productForm.descriptionEn')} error={errors['descriptionEn']}>
        <textarea
          {...input('descriptionEn')}
          rows={3}
          value={draft.descriptionEn}
          onChange={(e) => update({ descriptionEn: e.target.value })}
          lang="en"
        />
      </Field>
      <div className="field-row">
        <Field id={fieldId('categoryCode')} label={t('productForm.category')} error={errors['categoryCode']} required>
          <select {...input('categoryCode')} value={draft.categoryCode} onChange={(e) => update({ categoryCode: e.target.value })}>
            <option value="">{t('productForm.chooseCategory')}</option>
            {options.map((o) => (
              <option key={o.code} value={o.code}>
                {'\u00a0\u00a0\u00a0'.repeat(o.depth)}
                {o.label}
              </option>
            ))}
          </select>
        </Field>
        <Field id={fieldId('unit')} label={t('productForm.unit')} error={errors['unit']} required>
          <select {...input('unit')} value={draft.unit} onChange={(e) => update({ unit: e.target.value })}>
            {!isKnownUnit(draft.unit) && <option value={draft.unit}>{draft.unit}</option>}
            {UNITS.map((u) => (
              <option key={u} value={u}>
                {t(unitKey(u))}
              </option>
            ))}
          </select>
        </Field>
      </div>
    </fieldset>
  );
}

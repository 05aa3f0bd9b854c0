import { useTranslation } from 'react-i18next';
import { formatNumber, parseVndInput } from '../../i18n/format';
import { controlProps, Field } from '../form/Field';
import { fieldId } from '../form/validate';
import { unitShortKey } from '../units';
import type { SectionProps } from './section-props';

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

/** Price, quantities and season: the terms a buyer compares. */
export function TradeSection({ draft, update, errors }: SectionProps) {
  const { t } = useTranslation();
  const input = (path: string, hint?: string) => controlProps(fieldId(path), errors[path], hint);
  const unit = t(unitShortKey(draft.unit));
  // Prices read back with thousands separators once the field is left: "25000" becomes "25.000".
  const tidyMoney = (text: string): string => {
    const value = parseVndInput(text);
    return value == null ? '' : formatNumber(value);
  };
  const months = new Set(draft.availableMonths);
  const toggleMonth = (m: number) => {
    const next = new Set(months);
    if (next.has(m)) next.delete(m);
    else next.add(m);
    update({ availableMonths: [...next].sort((a, b) => a - b) });
  };

  return (
    <fieldset className="form-section">
      <legend className="form-section-title">{t('productForm.sections.trade')}</legend>
      <div className="field-row">
        <Field id={fieldId('priceMin')} label={t('productForm.priceMin', { unit })} error={errors['priceMin']}>
          <div className="input-affix">
            <input
              {...input('priceMin')}
              inputMode="numeric"
              value={draft.priceMin}
              onChange={(e) => update({ priceMin: e.target.value })}
              onBlur={(e) => update({ priceMin: tidyMoney(e.target.value) })}
            />
            <span aria-hidden="true">₫</span>
          </div>
        </Field>
        <Field id={fieldId('priceMax')} label={t('productForm.priceMax', { unit })} error={errors['priceMax']}>
          <div className="input-affix">
            <input
              {...input('priceMax')}
              inputMode="numeric"
              value={draft.priceMax}
              onChange={(e) => update({ priceMax: e.target.value })}
              onBlur={(e) => update({ priceMax: tidyMoney(e.target.value) })}
            />
            <span aria-hidden="true">₫</span>
          </div>
        </Field>
      </div>
      <div className="field-row">
        <Field id={fieldId('minOrder')} label={t('productForm.minOrder', { unit })} error={errors['minOrder']}>
          <input
            {...input('minOrder')}
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            value={draft.minOrder}
            onChange={(e) => update({ minOrder: e.target.value })}
          />
        </Field>
        <Field id={fieldId('capacityPerMonth')} label={t('productForm.capacity', { unit })} error={errors['capacityPerMonth']}>
          <input
            {...input('capacityPerMonth')}
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            value={draft.capacityPerMonth}
            onChange={(e) => update({ capacityPerMonth: e.target.value })}
          />
        </Field>
      </div>
      <Field id={fieldId('packaging')} label={t('productForm.packaging')} error={errors['packaging']} hint={t('productForm.packagingHint')}>
        <input
          {...input('packaging', t('productForm.packagingHint'))}
          value={draft.packaging}
          onChange={(e) => update({ packaging: e.target.value })}
        />
      </Field>
      <fieldset className="field" id={fieldId('availableMonths')}>
        <legend>{t('productForm.availableMonths')}</legend>
        <div className="month-toggles">
          {MONTHS.map((m) => (
            <label key={m} className={months.has(m) ? 'month-toggle month-toggle-on' : 'month-toggle'}>
              <input type="checkbox" checked={months.has(m)} onChange={() => toggleMonth(m)} />
              <span aria-hidden="true">{t(`enums.monthShort.${m}`)}</span>
              <span className="visually-hidden">{t(`enums.month.${m}`)}</span>
            </label>
          ))}
        </div>
        <div className="row-actions">
          <button type="button" className="link-button" onClick={() => update({ availableMonths: [...MONTHS] })}>
            {t('productForm.allYear')}
          </button>
          <button type="button" className="link-button" onClick={() => update({ availableMonths: [] })}>
            {t('productForm.clearMonths')}
          </button>
        </div>
        {errors['availableMonths'] && <p className="error-text">{t(`validation.${errors['availableMonths']}`)}</p>}
      </fieldset>
    </fieldset>
  );
}

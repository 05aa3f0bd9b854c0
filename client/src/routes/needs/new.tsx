import { useQuery } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { CertificationScheme, NeedFrequency, NeedKind } from '@cooplink/schema/types';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ErrorCode } from '../../apollo/error-codes';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ANYWHERE, DeliveryAreaPicker, areaCodeOf } from '../../components/needs/DeliveryAreaPicker';
import { UNITS, unitKey } from '../../components/units';
import { useMe } from '../../hooks/useMe';
import { localized } from '../../i18n';
import { parseVndInput } from '../../i18n/format';
import { usePostNeedMutation } from '../../mutations/usePostNeedMutation';

const NeedCategoriesDocument = graphql(`
  query NeedCategories {
    categories {
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
  }
`);

const STEPS = ['what', 'when', 'terms'] as const;
const SCHEMES: CertificationScheme[] = ['VIETGAP', 'GLOBALGAP', 'ORGANIC', 'HACCP'];

/** A business posts a need in three short steps, then lands on its ranked matches. */
export function Component() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { me } = useMe();
  const { data } = useQuery(NeedCategoriesDocument);
  const [postNeed, { loading }] = usePostNeedMutation();
  const [step, setStep] = useState(0);
  const [problem, setProblem] = useState<ErrorCode | null>(null);
  const [kind, setKind] = useState<NeedKind>('OFFTAKE');
  const [title, setTitle] = useState('');
  const [categoryCode, setCategoryCode] = useState('');
  const [quantity, setQuantity] = useState('');
  const [unit, setUnit] = useState<string>('TNE');
  const [frequency, setFrequency] = useState<NeedFrequency>('MONTHLY');
  const [deliveryFrom, setDeliveryFrom] = useState('');
  const [deliveryTo, setDeliveryTo] = useState('');
  const [area, setArea] = useState(ANYWHERE);
  const [priceMin, setPriceMin] = useState('');
  const [priceMax, setPriceMax] = useState('');
  const [certs, setCerts] = useState<CertificationScheme[]>([]);
  const [days, setDays] = useState('30');
  const businessId = me?.memberships.find((m) => m.organizationKind === 'BUSINESS')?.organizationId;

  const options: { code: string; label: string }[] = [];
  for (const root of data?.categories ?? []) {
    options.push({ code: root.code, label: localized(i18n.language, root.nameVi, root.nameEn) });
    for (const c of root.children) {
      options.push({ code: c.code, label: `— ${localized(i18n.language, c.nameVi, c.nameEn)}` });
      for (const l of c.children) options.push({ code: l.code, label: `—— ${localized(i18n.language, l.nameVi, l.nameEn)}` });
    }
  }
  const ready = [
    title.trim().length >= 3 && !!categoryCode,
    Number(quantity) > 0 && !!deliveryFrom && !!deliveryTo && deliveryFrom <= deliveryTo,
    true,
  ];

  async function submit() {
    if (!businessId) return setProblem('FORBIDDEN');
    const min = parseVndInput(priceMin);
    const max = parseVndInput(priceMax);
    const r = await postNeed({
      kind,
      businessId,
      title: title.trim(),
      categoryCode,
      quantity: Number(quantity),
      unit,
      frequency,
      deliveryFrom,
      deliveryTo,
      deliveryAreaCode: areaCodeOf(area),
      priceMin: min,
      priceMax: max,
      negotiable: min === null && max === null,
      requiredCertifications: certs,
      expiresAt: new Date(Date.now() + Number(days) * 86_400_000).toISOString(),
    });
    if (r.ok) void navigate(`/needs/${r.data.id}/matches`);
    else setProblem(r.code);
  }

  return (
    <section className="page narrow">
      <title>{`${t('needs.newTitle')} · CoopLink`}</title>
      <h1>{t('needs.newTitle')}</h1>
      <p className="muted">{t('needs.stepOf', { step: step + 1, total: STEPS.length, name: t(`needs.steps.${STEPS[step]!}`) })}</p>
      {problem && <ErrorNotice code={problem} />}
      {step === 0 && (
        <fieldset className="form-section">
          <label htmlFor="need-kind">{t('needs.kindLabel')}</label>
          <select id="need-kind" value={kind} onChange={(e) => setKind(e.target.value as NeedKind)}>
            <option value="OFFTAKE">{t('needs.kind.OFFTAKE')}</option>
            <option value="INPUT_SUPPLY">{t('needs.kind.INPUT_SUPPLY')}</option>
          </select>
          <label htmlFor="need-title">{t('needs.titleLabel')}</label>
          <input
            id="need-title"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            maxLength={200}
            placeholder={t('needs.titleHint')}
          />
          <label htmlFor="need-category">{t('needs.categoryLabel')}</label>
          <select id="need-category" value={categoryCode} onChange={(e) => setCategoryCode(e.target.value)}>
            <option value="">{t('needs.chooseCategory')}</option>
            {options.map((o) => (
              <option key={o.code} value={o.code}>
                {o.label}
              </option>
            ))}
          </select>
        </fieldset>
      )}
      {step === 1 && (
        <fieldset className="form-section">
          <label htmlFor="need-quantity">{t('needs.quantityLabel')}</label>
          <input id="need-quantity" inputMode="decimal" value={quantity} onChange={(e) => setQuantity(e.target.value)} />
          <label htmlFor="need-unit">{t('needs.unitLabel')}</label>
          <select id="need-unit" value={unit} onChange={(e) => setUnit(e.target.value)}>
            {UNITS.map((u) => (
              <option key={u} value={u}>
                {t(unitKey(u))}
              </option>
            ))}
          </select>
          <label htmlFor="need-frequency">{t('needs.frequencyLabel')}</label>
          <select id="need-frequency" value={frequency} onChange={(e) => setFrequency(e.target.value as NeedFrequency)}>
            {(['ONE_OFF', 'MONTHLY', 'SEASONAL'] as const).map((f) => (
              <option key={f} value={f}>
                {t(`needs.frequency.${f}`)}
              </option>
            ))}
          </select>
          <label htmlFor="need-from">{t('needs.deliveryFrom')}</label>
          <input id="need-from" type="date" value={deliveryFrom} onChange={(e) => setDeliveryFrom(e.target.value)} />
          <label htmlFor="need-to">{t('needs.deliveryTo')}</label>
          <input id="need-to" type="date" value={deliveryTo} onChange={(e) => setDeliveryTo(e.target.value)} />
          <DeliveryAreaPicker value={area} onChange={setArea} />
        </fieldset>
      )}
      {step === 2 && (
        <fieldset className="form-section">
          <p className="muted">{t('needs.priceHint')}</p>
          <label htmlFor="need-price-min">{t('needs.priceMin')}</label>
          <input id="need-price-min" inputMode="numeric" value={priceMin} onChange={(e) => setPriceMin(e.target.value)} />
          <label htmlFor="need-price-max">{t('needs.priceMax')}</label>
          <input id="need-price-max" inputMode="numeric" value={priceMax} onChange={(e) => setPriceMax(e.target.value)} />
          <p>{t('needs.certsLabel')}</p>
          {SCHEMES.map((s) => (
            <label key={s} className="checkbox">
              <input
                type="checkbox"
                checked={certs.includes(s)}
                onChange={() => setCerts((c) => (c.includes(s) ? c.filter((x) => x !== s) : [...c, s]))}
              />{' '}
              {t(`enums.certificationScheme.${s}`)}
            </label>
          ))}
          <label htmlFor="need-days">{t('needs.expiresInDays')}</label>
          <input id="need-days" inputMode="numeric" value={days} onChange={(e) => setDays(e.target.value)} />
        </fieldset>
      )}
      <div className="actions">
        {step > 0 && (
          <button type="button" className="button button-secondary" onClick={() => setStep(step - 1)}>
            {t('needs.back')}
          </button>
        )}
        {step < STEPS.length - 1 ? (
          <button type="button" className="button" disabled={!ready[step]} onClick={() => setStep(step + 1)}>
            {t('needs.next')}
          </button>
        ) : (
          <button type="button" className="button" disabled={loading} onClick={() => void submit()}>
            {t('needs.submit')}
          </button>
        )}
      </div>
    </section>
  );
}

import { skipToken, useQuery } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { CertificationScheme, NeedFrequency, NeedKind } from '@cooplink/schema/types';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ErrorCode } from '../../apollo/error-codes';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ANYWHERE, DeliveryAreaPicker, areaCodeOf } from '../../components/needs/DeliveryAreaPicker';
import { UNITS, unitKey } from '../../components/units';
import { useCategoryOptions } from '../../components/needs/categories';
import { hasRole, useMe } from '../../hooks/useMe';
import { parseVndInput } from '../../i18n/format';
import { usePostNeedMutation } from '../../mutations/usePostNeedMutation';

const OrganizationSearchDocument = graphql(`
  query NeedOrganizationSearch($search: String!, $businesses: Boolean!) {
    businesses(search: $search, first: 8) @include(if: $businesses) {
      edges {
        node {
          id
          name
        }
      }
    }
    cooperatives(search: $search, first: 8) @skip(if: $businesses) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

const STEPS = ['what', 'when', 'terms'] as const;
const SCHEMES: CertificationScheme[] = ['VIETGAP', 'GLOBALGAP', 'ORGANIC', 'HACCP', 'ISO22000'];

interface Org {
  id: string;
  name: string;
}

/** Which kinds the viewer may post: a company buys or supplies, a cooperative declares its input needs, staff any on behalf. */
function kindsFor(staff: boolean, businesses: Org[], cooperatives: Org[]): NeedKind[] {
  if (staff) return ['OFFTAKE', 'INPUT_SUPPLY', 'INPUT_DEMAND'];
  return [
    ...(businesses.length ? (['OFFTAKE', 'INPUT_SUPPLY'] as const) : []),
    ...(cooperatives.length ? (['INPUT_DEMAND'] as const) : []),
  ];
}

/**
 * A company posts what it buys or supplies, a cooperative declares the
 * inputs it needs, and staff post either on an organisation's behalf, in
 * three short steps. A company lands on its ranked matches, a cooperative
 * on its need's page.
 */
export function Component() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { me } = useMe();
  const options = useCategoryOptions();
  const [postNeed, { loading }] = usePostNeedMutation();
  const [step, setStep] = useState(0);
  const [problem, setProblem] = useState<ErrorCode | null>(null);
  const staff = hasRole(me, 'TRADE_STAFF', 'ADMIN');
  const myBusinesses: Org[] = (me?.memberships ?? [])
    .filter((m) => m.organizationKind === 'BUSINESS')
    .map((m) => ({ id: m.organizationId, name: m.organizationName }));
  const myCooperatives: Org[] = (me?.memberships ?? [])
    .filter((m) => m.organizationKind === 'COOPERATIVE' && hasRole(me, 'COOP_MANAGER'))
    .map((m) => ({ id: m.organizationId, name: m.organizationName }));
  const kinds = kindsFor(staff, myBusinesses, myCooperatives);
  const [chosenKind, setKind] = useState<NeedKind | null>(null);
  const kind: NeedKind = chosenKind && kinds.includes(chosenKind) ? chosenKind : (kinds[0] ?? 'OFFTAKE');
  const forCooperative = kind === 'INPUT_DEMAND';
  const ownOrgs = forCooperative ? myCooperatives : myBusinesses;
  const [chosenOrg, setOrg] = useState<Org | null>(null);
  const [orgSearch, setOrgSearch] = useState('');
  const deferredSearch = useDeferredValue(orgSearch.trim());
  const found = useQuery(
    OrganizationSearchDocument,
    staff && deferredSearch.length >= 2 ? { variables: { search: deferredSearch, businesses: !forCooperative } } : skipToken,
  );
  const foundOrgs: Org[] = (forCooperative ? found.data?.cooperatives?.edges : found.data?.businesses?.edges)?.map((e) => e.node) ?? [];
  // The poster: one of the viewer's own organisations of the right kind, or for staff the one they picked.
  const org = chosenOrg && (staff || ownOrgs.some((o) => o.id === chosenOrg.id)) ? chosenOrg : staff ? null : (ownOrgs[0] ?? null);
  const [minOcop, setMinOcop] = useState('');
  const [qualityNotes, setQualityNotes] = useState('');
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
  const ready = [
    title.trim().length >= 3 && !!categoryCode && !!org,
    Number(quantity) > 0 && !!deliveryFrom && !!deliveryTo && deliveryFrom <= deliveryTo,
    Number(days) >= 1,
  ];

  async function submit() {
    if (!org) return setProblem('FORBIDDEN');
    const min = parseVndInput(priceMin);
    const max = parseVndInput(priceMax);
    const r = await postNeed({
      kind,
      ...(forCooperative ? { cooperativeId: org.id } : { businessId: org.id }),
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
      minOcopStars: minOcop ? Number(minOcop) : null,
      qualityNotes: qualityNotes.trim(),
      expiresAt: new Date(Date.now() + Number(days) * 86_400_000).toISOString(),
    });
    if (r.ok) void navigate(forCooperative ? `/needs/${r.data.id}` : `/needs/${r.data.id}/matches`);
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
          <select
            id="need-kind"
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as NeedKind);
              if (staff) setOrg(null);
            }}
          >
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(staff ? `needs.kindOnBehalf.${k}` : `needs.kind.${k}`)}
              </option>
            ))}
          </select>
          {staff ? (
            <>
              <label htmlFor="need-org-search">{t(forCooperative ? 'needs.onBehalfCooperative' : 'needs.onBehalfBusiness')}</label>
              {org ? (
                <p data-testid="need-org">
                  <strong>{org.name}</strong>{' '}
                  <button type="button" className="button button-small button-secondary" onClick={() => setOrg(null)}>
                    {t('needs.changeOrg')}
                  </button>
                </p>
              ) : (
                <>
                  <input
                    id="need-org-search"
                    type="search"
                    value={orgSearch}
                    onChange={(e) => setOrgSearch(e.target.value)}
                    placeholder={t('jointOffer.searchHint')}
                    autoComplete="off"
                  />
                  <ul className="plain-list partner-results">
                    {foundOrgs.map((o) => (
                      <li key={o.id}>
                        <button type="button" className="button button-small button-secondary" onClick={() => setOrg(o)}>
                          {o.name}
                        </button>
                      </li>
                    ))}
                  </ul>
                  <p className="muted small">{t('needs.onBehalfHint')}</p>
                </>
              )}
            </>
          ) : ownOrgs.length > 1 ? (
            <>
              <label htmlFor="need-org">{t('needs.postAs')}</label>
              <select id="need-org" value={org?.id ?? ''} onChange={(e) => setOrg(ownOrgs.find((o) => o.id === e.target.value) ?? null)}>
                {ownOrgs.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            </>
          ) : (
            org && <p className="muted">{t('needs.postingFor', { name: org.name })}</p>
          )}
          {kinds.length === 0 && <p className="notice notice-info">{t('needs.noOrganisation')}</p>}

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
          <label htmlFor="need-ocop">{t('needs.minOcopLabel')}</label>
          <select id="need-ocop" value={minOcop} onChange={(e) => setMinOcop(e.target.value)}>
            <option value="">{t('needs.minOcopNone')}</option>
            {[3, 4, 5].map((n) => (
              <option key={n} value={String(n)}>
                {t('needs.minOcop', { count: n })}
              </option>
            ))}
          </select>
          <label htmlFor="need-quality">{t('needs.qualityNotesLabel')}</label>
          <textarea
            id="need-quality"
            value={qualityNotes}
            onChange={(e) => setQualityNotes(e.target.value)}
            maxLength={2000}
            rows={3}
            placeholder={t('needs.qualityNotesHint')}
          />
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

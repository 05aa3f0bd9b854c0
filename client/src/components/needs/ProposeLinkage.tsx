import { skipToken, useQuery } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import { useDeferredValue, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../apollo/error-codes';
import { formatNumber } from '../../i18n/format';
import { useProposeLinkageMutation } from '../../mutations/useProposeLinkageMutation';
import { unitShortKey } from '../units';

const PartnerSearchDocument = graphql(`
  query PartnerSearch($search: String!) {
    cooperatives(search: $search, first: 8) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

interface Partner {
  id: string;
  name: string;
  share: string;
}

interface ProposeLinkageProps {
  needId: string;
  /** The need's quantity: the shares of a joint offer never add up to more. */
  quantity: number;
  unit: string;
  /** The cooperative that answers, alone or leading the joint offer. */
  lead: { id: string; name: string };
  productId?: string | null;
  label: string;
  onProposed: (linkageId: string) => void;
  onError: (code: ErrorCode) => void;
}

/**
 * One button to propose, and, folded below it, a joint offer: the lead
 * cooperative and its partners (members of one union, say) each take a share
 * of the need's quantity. The running total is checked before sending; the
 * server checks it again against every live offer on the need.
 */
export function ProposeLinkage({ needId, quantity, unit, lead, productId, label, onProposed, onError }: ProposeLinkageProps) {
  const { t } = useTranslation();
  const id = useId();
  const [propose, { loading }] = useProposeLinkageMutation();
  const [leadShare, setLeadShare] = useState('');
  const [partners, setPartners] = useState<Partner[]>([]);
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search.trim());
  const found = useQuery(PartnerSearchDocument, deferred.length >= 2 ? { variables: { search: deferred } } : skipToken);
  const unitLabel = t(unitShortKey(unit));
  const shares = [{ cooperativeId: lead.id, quantity: Number(leadShare.replace(',', '.')) }].concat(
    partners.map((p) => ({ cooperativeId: p.id, quantity: Number(p.share.replace(',', '.')) })),
  );
  const total = shares.reduce((sum, s) => sum + (Number.isFinite(s.quantity) ? s.quantity : 0), 0);
  const allPositive = shares.every((s) => Number.isFinite(s.quantity) && s.quantity > 0);
  const over = total > quantity;
  const jointReady = partners.length > 0 && allPositive && !over;

  async function send(joint: boolean) {
    const r = await propose({ needId, cooperativeId: lead.id, productId: productId ?? null, shares: joint ? shares : null });
    if (r.ok) onProposed(r.data.id);
    else onError(r.code);
  }

  const candidates = (found.data?.cooperatives.edges ?? [])
    .map((e) => e.node)
    .filter((c) => c.id !== lead.id && !partners.some((p) => p.id === c.id));

  return (
    <div className="propose-linkage">
      <button type="button" className="button button-small" disabled={loading} onClick={() => void send(false)}>
        {label}
      </button>
      <details className="joint-offer" data-testid="joint-offer">
        <summary>{t('jointOffer.open')}</summary>
        <p className="muted small">{t('jointOffer.hint', { quantity: formatNumber(quantity), unit: unitLabel })}</p>
        <table className="shares-table">
          <thead>
            <tr>
              <th scope="col">{t('jointOffer.cooperative')}</th>
              <th scope="col">{t('jointOffer.share', { unit: unitLabel })}</th>
              <th scope="col">
                <span className="visually-hidden">{t('jointOffer.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">
                {lead.name} <span className="muted small">({t('jointOffer.lead')})</span>
              </th>
              <td>
                <input
                  aria-label={t('jointOffer.shareOf', { name: lead.name })}
                  inputMode="decimal"
                  value={leadShare}
                  onChange={(e) => setLeadShare(e.target.value)}
                  data-testid="share-lead"
                />
              </td>
              <td />
            </tr>
            {partners.map((p, i) => (
              <tr key={p.id}>
                <th scope="row">{p.name}</th>
                <td>
                  <input
                    aria-label={t('jointOffer.shareOf', { name: p.name })}
                    inputMode="decimal"
                    value={p.share}
                    onChange={(e) => setPartners((list) => list.map((x, j) => (j === i ? { ...x, share: e.target.value } : x)))}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="button button-small button-secondary"
                    onClick={() => setPartners((list) => list.filter((x) => x.id !== p.id))}
                    aria-label={t('jointOffer.removeName', { name: p.name })}
                  >
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('jointOffer.total')}</th>
              <td colSpan={2} className={over ? 'error-text' : undefined} data-testid="shares-total">
                {t('jointOffer.totalOf', { total: formatNumber(total), quantity: formatNumber(quantity), unit: unitLabel })}
              </td>
            </tr>
          </tfoot>
        </table>
        {over && (
          <p className="error-text" role="alert">
            {t('errors.SHARES_EXCEED_QUANTITY')}
          </p>
        )}
        <label htmlFor={`${id}-search`}>{t('jointOffer.addPartner')}</label>
        <input
          id={`${id}-search`}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder={t('jointOffer.searchHint')}
          autoComplete="off"
        />
        {candidates.length > 0 && (
          <ul className="plain-list partner-results">
            {candidates.map((c) => (
              <li key={c.id}>
                <button
                  type="button"
                  className="button button-small button-secondary"
                  onClick={() => {
                    setPartners((list) => [...list, { id: c.id, name: c.name, share: '' }]);
                    setSearch('');
                  }}
                >
                  + {c.name}
                </button>
              </li>
            ))}
          </ul>
        )}
        <button type="button" className="button button-small" disabled={loading || !jointReady} onClick={() => void send(true)}>
          {t('jointOffer.send')}
        </button>
      </details>
    </div>
  );
}

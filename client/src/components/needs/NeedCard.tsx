import type { FragmentType } from '@cooplink/schema/graphql';
import { getFragmentData, graphql } from '@cooplink/schema/graphql';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { localized } from '../../i18n';
import { formatLocalDate, formatNumber } from '../../i18n/format';
import { PriceRange } from '../PriceRange';
import { unitShortKey } from '../units';

export const NeedCard_need = graphql(`
  fragment NeedCard_need on Need {
    id
    kind
    title
    status
    quantity
    unit
    frequency
    deliveryFrom
    deliveryTo
    priceMin
    priceMax
    negotiable
    requiredCertifications
    minOcopStars
    category {
      code
      nameVi
      nameEn
    }
    business {
      id
      name
    }
    cooperative {
      id
      name
    }
  }
`);

/** One need in a list: what, who, how much, when, at what price and what it demands; the title opens the need page. */
export function NeedCard(props: { need: FragmentType<typeof NeedCard_need>; showStatus?: boolean }) {
  const need = getFragmentData(NeedCard_need, props.need);
  const { t, i18n } = useTranslation();
  const poster = need.business?.name ?? need.cooperative?.name ?? '';
  return (
    <li className="card need-card" data-testid="need-card">
      <h2 className="card-title">
        <Link to={`/needs/${need.id}`}>{need.title}</Link>
      </h2>
      <p className="badges-row">
        <span className="badge">{t(`needs.kindShort.${need.kind}`)}</span>{' '}
        {props.showStatus && <span className={`badge need-status-${need.status}`}>{t(`needs.needStatus.${need.status}`)}</span>}
      </p>
      <p className="muted">
        {poster} · {localized(i18n.language, need.category.nameVi, need.category.nameEn)}
      </p>
      <p>
        <strong>
          {formatNumber(need.quantity)} {t(unitShortKey(need.unit))}
        </strong>{' '}
        · {t(`needs.frequency.${need.frequency}`)} · {formatLocalDate(need.deliveryFrom)}–{formatLocalDate(need.deliveryTo)}
      </p>
      <p>
        <NeedPrice need={need} />
      </p>
      {(need.requiredCertifications.length > 0 || need.minOcopStars) && (
        <p className="badges-row">
          {need.requiredCertifications.map((c) => (
            <span key={c} className="badge badge-cert">
              {t(`enums.certificationScheme.${c}`)}
            </span>
          ))}
          {need.minOcopStars ? <span className="badge">{t('needs.minOcop', { count: need.minOcopStars })}</span> : null}
        </p>
      )}
    </li>
  );
}

/** The price range per unit, or "negotiable" when the poster gave none. */
export function NeedPrice({ need }: { need: { priceMin?: number | null; priceMax?: number | null; negotiable: boolean; unit: string } }) {
  const { t } = useTranslation();
  if (need.priceMin == null && need.priceMax == null) return <span className="price price-none">{t('needs.negotiable')}</span>;
  return (
    <>
      <PriceRange min={need.priceMin ?? null} max={need.priceMax ?? null} unit={need.unit} />
      {need.negotiable && <span className="muted"> · {t('needs.negotiable')}</span>}
    </>
  );
}

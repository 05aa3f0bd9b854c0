import type { FragmentType } from '@cooplink/schema/graphql';
import { getFragmentData, graphql } from '@cooplink/schema/graphql';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { VerifiedBadge } from '../VerifiedBadge';
import { subsectorLabel } from '../../subsectors';

export const CooperativeCard_cooperative = graphql(`
  fragment CooperativeCard_cooperative on Cooperative {
    id
    name
    sector
    subsector
    memberCount
    isPilot
    isModel
    verified
    area {
      code
      name
    }
    district {
      code
      name
    }
    currentRating {
      year
      ratingClass
    }
  }
`);

/** Who makes the product, with the facts a buyer checks first. */
export function CooperativeCard(props: { cooperative: FragmentType<typeof CooperativeCard_cooperative> }) {
  const coop = getFragmentData(CooperativeCard_cooperative, props.cooperative);
  const { t } = useTranslation();
  const place = [coop.area.name, coop.district?.name].filter(Boolean).join(', ');

  return (
    <section className="card coop-card" aria-labelledby="coop-card-title">
      <p className="eyebrow">{t('product.producer')}</p>
      <h2 id="coop-card-title" className="card-title">
        <Link to={`/cooperatives/${coop.id}`}>{coop.name}</Link>
      </h2>
      <p className="muted">{place}</p>
      <p>
        {t(`enums.sector.${coop.sector}`)}
        {coop.subsector && ` · ${subsectorLabel(t, coop.subsector)}`} · {t('org.membersCount', { count: coop.memberCount })}
      </p>
      <div className="badges-row">
        <VerifiedBadge verified={coop.verified} />
        {coop.currentRating && coop.currentRating.ratingClass !== 'UNRATED' && (
          <span className={`badge badge-rating-${coop.currentRating.ratingClass.toLowerCase()}`}>
            {t('org.ratingShort', {
              rating: t(`enums.ratingClass.${coop.currentRating.ratingClass}`),
              year: coop.currentRating.year,
            })}
          </span>
        )}
        {coop.isPilot && <span className="badge badge-accent">{t('org.pilot')}</span>}
        {coop.isModel && <span className="badge badge-accent">{t('org.model')}</span>}
      </div>
      <Link className="button button-secondary" to={`/cooperatives/${coop.id}`}>
        {t('product.viewCooperative')}
      </Link>
    </section>
  );
}

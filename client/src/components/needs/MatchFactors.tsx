import type { FragmentType } from '@cooplink/schema/graphql';
import { getFragmentData, graphql } from '@cooplink/schema/graphql';
import { useTranslation } from 'react-i18next';

export const MatchFactors_match = graphql(`
  fragment MatchFactors_match on Match {
    score
    factors {
      code
      weight
      value
      note
    }
  }
`);

/** The score explained: one bar per factor, its length the share of that factor's points earned. */
export function MatchFactors(props: { match: FragmentType<typeof MatchFactors_match> }) {
  const { t } = useTranslation();
  const match = getFragmentData(MatchFactors_match, props.match);
  return (
    <div className="match-factors">
      <p className="match-score">{t('needs.score', { score: Math.round(match.score) })}</p>
      <ul className="factor-list">
        {match.factors.map((f) => (
          <li key={f.code}>
            <span className="factor-label">{t(`needs.factor.${f.code}`)}</span>
            <span className="factor-bar" aria-hidden="true">
              <span style={{ width: `${f.weight > 0 ? Math.round((f.value / f.weight) * 100) : 0}%` }} />
            </span>
            <span className="factor-points muted">{t('needs.points', { value: f.value, weight: f.weight })}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

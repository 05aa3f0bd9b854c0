import type { FragmentType } from '@cooplink/schema/graphql';
import { getFragmentData, graphql } from '@cooplink/schema/graphql';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format';
import { factorNote } from './factor-note';

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

/**
 * The score explained: one bar per factor, its length the share of that
 * factor's points earned, with the reason in a plain sentence beneath it
 * ("can supply about 28% of the quantity", "same district as the delivery area").
 */
export function MatchFactors(props: { match: FragmentType<typeof MatchFactors_match> }) {
  const { t } = useTranslation();
  const match = getFragmentData(MatchFactors_match, props.match);
  return (
    <div className="match-factors">
      <p className="match-score">{t('needs.score', { score: Math.round(match.score) })}</p>
      <ul className="factor-list">
        {match.factors.map((f) => (
          <li key={f.code}>
            <span className="factor-label">{t(`needs.factor.${f.code}` as 'needs.factor.AREA')}</span>
            <span className="factor-bar" aria-hidden="true">
              <span style={{ width: `${f.weight > 0 ? Math.round((f.value / f.weight) * 100) : 0}%` }} />
            </span>
            <span className="factor-points muted">
              {t('needs.points', { value: formatNumber(f.value), weight: formatNumber(f.weight) })}
            </span>
            <FactorReason code={f.code} note={f.note} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function FactorReason({ code, note }: { code: string; note: string }) {
  const { t } = useTranslation();
  const read = factorNote(code, note);
  if (!read) return null;
  const values = { ...read.values };
  if (typeof values['rating'] === 'string') values['rating'] = t(`enums.ratingClass.${values['rating']}` as 'enums.ratingClass.GOOD');
  return <span className="factor-note small">{t(`needs.factorNote.${read.key}` as 'needs.factorNote.inside', values)}</span>;
}

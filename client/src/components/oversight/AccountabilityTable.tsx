import type { FragmentType } from '@cooplink/schema/graphql';
import { getFragmentData, graphql } from '@cooplink/schema/graphql';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatShare } from '../../i18n/format';

export const AccountabilityTable_rows = graphql(`
  fragment AccountabilityTable_rows on AreaFigures {
    area {
      code
      name
    }
    rank
    cooperatives
    goodOrFairShare
    weakOrSuspended
    weakOrSuspendedShare
    previousWeakOrSuspendedShare
    withoutTradeActivity
  }
`);

/** Worst area first; each row drills down into the area. */
export function AccountabilityTable(props: { rows: ReadonlyArray<FragmentType<typeof AccountabilityTable_rows>>; year: number }) {
  const { t } = useTranslation();
  const rows = props.rows.map((r) => getFragmentData(AccountabilityTable_rows, r));
  return (
    <div className="table-scroll">
      <table className="oversight-table" data-testid="accountability-table">
        <thead>
          <tr>
            <th scope="col">{t('oversight.table.rank')}</th>
            <th scope="col">{t('oversight.table.area')}</th>
            <th scope="col">{t('oversight.table.cooperatives')}</th>
            <th scope="col">{t('oversight.table.weakShare')}</th>
            <th scope="col">{t('oversight.table.trend', { year: props.year - 1 })}</th>
            <th scope="col">{t('oversight.table.goodShare')}</th>
            <th scope="col">{t('oversight.table.noTrade')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const change = r.previousWeakOrSuspendedShare === null ? null : r.weakOrSuspendedShare - r.previousWeakOrSuspendedShare;
            return (
              <tr key={r.area.code}>
                <td>{r.rank}</td>
                <th scope="row">
                  <Link to={`?area=${encodeURIComponent(r.area.code)}&year=${props.year}`}>{r.area.name}</Link>
                </th>
                <td>{r.cooperatives}</td>
                <td>
                  {formatShare(r.weakOrSuspendedShare)} <span className="muted">({r.weakOrSuspended})</span>
                </td>
                <td className={change === null ? 'muted' : change > 0 ? 'trend-worse' : change < 0 ? 'trend-better' : ''}>
                  {change === null
                    ? '–'
                    : change > 0
                      ? t('oversight.table.worse', { points: formatShare(change) })
                      : change < 0
                        ? t('oversight.table.better', { points: formatShare(-change) })
                        : t('oversight.table.same')}
                </td>
                <td>{formatShare(r.goodOrFairShare)}</td>
                <td>{r.withoutTradeActivity}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

import { useQuery } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

const AreaCooperativesDocument = graphql(`
  query AreaCooperatives($areaCode: String!) {
    cooperatives(areaCode: $areaCode, first: 100) {
      totalCount
      edges {
        node {
          id
          name
          status
          isPilot
          isModel
          currentRating {
            year
            ratingClass
          }
        }
      }
    }
  }
`);

/** The drill-down under a district or commune: its cooperatives with status and latest class. */
export function AreaCooperatives(props: { areaCode: string }) {
  const { t } = useTranslation();
  const { data, loading } = useQuery(AreaCooperativesDocument, { variables: { areaCode: props.areaCode } });
  if (loading && !data) return <p className="muted">{t('common.loading')}</p>;
  const list = data?.cooperatives;
  if (!list || list.edges.length === 0) return <p className="muted">{t('oversight.noCooperatives')}</p>;
  return (
    <>
      <p className="muted">{t('oversight.cooperativeCount', { count: list.totalCount })}</p>
      <ul className="oversight-coops" data-testid="area-cooperatives">
        {list.edges.map(({ node }) => (
          <li key={node.id}>
            <Link to={`/staff/cooperatives/${node.id}`}>{node.name}</Link>
            <span className={`badge status-${node.status.toLowerCase()}`}>{t(`enums.cooperativeStatus.${node.status}`)}</span>
            {node.currentRating && (
              <span className="badge">
                {t(`enums.ratingClass.${node.currentRating.ratingClass}`)} {node.currentRating.year}
              </span>
            )}
            {node.isPilot && <span className="badge">{t('oversight.pilot')}</span>}
            {node.isModel && <span className="badge">{t('oversight.model')}</span>}
          </li>
        ))}
      </ul>
    </>
  );
}

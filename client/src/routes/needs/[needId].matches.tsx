import { useQuery } from '@apollo/client/react';
import type { ErrorCode } from '../../apollo/error-codes';
import { graphql } from '@cooplink/schema/graphql';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorNotice } from '../../components/ErrorNotice';
import { MatchFactors } from '../../components/needs/MatchFactors';
import { PageSkeleton } from '../../components/Skeleton';
import { errorCodeOf } from '../../apollo/errors';
import { unitShortKey } from '../../components/units';
import { formatNumber } from '../../i18n/format';
import { useProposeLinkageMutation } from '../../mutations/useProposeLinkageMutation';

const NeedMatchesDocument = graphql(`
  query NeedMatchesPage($needId: ID!) {
    need(id: $needId) {
      id
      title
      quantity
      unit
      status
    }
    needMatches(needId: $needId, first: 20) {
      totalCount
      edges {
        node {
          score
          ...MatchFactors_match
          cooperative {
            id
            name
          }
          product {
            id
            nameVi
          }
          need {
            id
            title
          }
        }
      }
    }
  }
`);

export function Component() {
  const { t } = useTranslation();
  const { needId = '' } = useParams();
  const navigate = useNavigate();
  const { data, loading, error } = useQuery(NeedMatchesDocument, { variables: { needId } });
  const [propose, { loading: proposing }] = useProposeLinkageMutation();
  const [shortlist, setShortlist] = useState<string[]>([]);
  const [problem, setProblem] = useState<ErrorCode | null>(null);
  if (loading && !data) return <PageSkeleton />;
  if (error) return <ErrorNotice code={errorCodeOf(error)} />;
  const need = data?.need;
  const edges = data?.needMatches.edges ?? [];
  const shortlisted = (key: string) => shortlist.includes(key);

  return (
    <section className="page">
      <title>{`${t('needs.matchesTitle')} · CoopLink`}</title>
      <h1>{t('needs.matchesTitle')}</h1>
      {need && (
        <p className="muted">
          {need.title} · {formatNumber(need.quantity)} {t(unitShortKey(need.unit))}
        </p>
      )}
      {problem && <ErrorNotice code={problem} />}
      {edges.length === 0 ? (
        <p className="empty-state">{t('needs.noMatches')}</p>
      ) : (
        <ol className="match-list">
          {edges.map(({ node }, i) => {
            const key = node.product?.id ?? node.need?.id ?? String(i);
            return (
              <li key={key} className="card match-card" data-testid="match">
                <h2 className="card-title">
                  {i + 1}.{' '}
                  {node.cooperative ? <Link to={`/cooperatives/${node.cooperative.id}`}>{node.cooperative.name}</Link> : node.need?.title}
                </h2>
                {node.product && (
                  <p>
                    <Link to={`/products/${node.product.id}`}>{node.product.nameVi}</Link>
                  </p>
                )}
                <MatchFactors match={node} />
                <div className="actions">
                  <button
                    type="button"
                    className="button button-small button-secondary"
                    aria-pressed={shortlisted(key)}
                    onClick={() => setShortlist((s) => (s.includes(key) ? s.filter((k) => k !== key) : [...s, key]))}
                  >
                    {shortlisted(key) ? t('needs.shortlisted') : t('needs.shortlist')}
                  </button>
                  {node.cooperative && (
                    <button
                      type="button"
                      className="button button-small"
                      disabled={proposing}
                      onClick={async () => {
                        const r = await propose({ needId, cooperativeId: node.cooperative!.id, productId: node.product?.id ?? null });
                        if (r.ok) void navigate(`/linkages/${r.data.id}`);
                        else setProblem(r.code);
                      }}
                    >
                      {t('needs.propose')}
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

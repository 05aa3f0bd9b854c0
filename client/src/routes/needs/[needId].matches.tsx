import { useQuery } from '@apollo/client/react';
import type { ErrorCode } from '../../apollo/error-codes';
import { graphql } from '@cooplink/schema/graphql';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorNotice } from '../../components/ErrorNotice';
import { MatchFactors } from '../../components/needs/MatchFactors';
import { ProposeLinkage } from '../../components/needs/ProposeLinkage';
import { PageSkeleton } from '../../components/Skeleton';
import { errorCodeOf } from '../../apollo/errors';
import { unitShortKey } from '../../components/units';
import { formatNumber } from '../../i18n/format';
import { useProposeLinkageMutation } from '../../mutations/useProposeLinkageMutation';
import { useRemoveShortlistEntryMutation, useShortlistMatchMutation } from '../../mutations/useShortlistMutations';

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

const NeedShortlistDocument = graphql(`
  query NeedShortlist($needId: ID!) {
    needShortlist(needId: $needId) {
      id
      cooperative {
        id
        name
      }
      product {
        id
        nameVi
      }
      linkage {
        id
        status
      }
    }
  }
`);

export function Component() {
  const { t } = useTranslation();
  const { needId = '' } = useParams();
  const navigate = useNavigate();
  const { data, loading, error } = useQuery(NeedMatchesDocument, { variables: { needId } });
  const shortlistQuery = useQuery(NeedShortlistDocument, { variables: { needId } });
  const [propose, { loading: proposing }] = useProposeLinkageMutation();
  const [addToShortlist, { loading: adding }] = useShortlistMatchMutation();
  const [removeFromShortlist, { loading: removing }] = useRemoveShortlistEntryMutation();
  const [problem, setProblem] = useState<ErrorCode | null>(null);
  const [sent, setSent] = useState<number | null>(null);
  if (loading && !data) return <PageSkeleton />;
  if (error) return <ErrorNotice code={errorCodeOf(error)} />;
  const need = data?.need;
  const edges = data?.needMatches.edges ?? [];
  const shortlist = shortlistQuery.data?.needShortlist ?? [];
  const entryFor = (cooperativeId: string | undefined, productId: string | null | undefined) =>
    shortlist.find((e) => e.cooperative.id === cooperativeId && (e.product?.id ?? null) === (productId ?? null));
  const waiting = shortlist.filter((e) => !e.linkage || e.linkage.status === 'DECLINED' || e.linkage.status === 'CANCELLED');

  /** Proposes to every shortlisted cooperative without a live linkage, one after another, and reports how many went out. */
  async function proposeToShortlist() {
    let count = 0;
    for (const e of waiting) {
      const r = await propose({ needId, cooperativeId: e.cooperative.id, productId: e.product?.id ?? null });
      if (r.ok) count++;
      else setProblem(r.code);
    }
    setSent(count);
    await shortlistQuery.refetch();
  }

  return (
    <section className="page">
      <title>{`${t('needs.matchesTitle')} · CoopLink`}</title>
      <h1>{t('needs.matchesTitle')}</h1>
      {need && (
        <p className="muted">
          <Link to={`/needs/${need.id}`}>{need.title}</Link> · {formatNumber(need.quantity)} {t(unitShortKey(need.unit))}
        </p>
      )}
      {problem && <ErrorNotice code={problem} />}
      <section className="card shortlist" data-testid="shortlist" aria-labelledby="shortlist-title">
        <h2 id="shortlist-title">{t('needs.shortlistTitle', { count: shortlist.length })}</h2>
        {shortlist.length === 0 ? (
          <p className="muted">{t('needs.shortlistEmpty')}</p>
        ) : (
          <ul>
            {shortlist.map((e) => (
              <li key={e.id} data-testid="shortlist-entry">
                <Link to={`/cooperatives/${e.cooperative.id}`}>{e.cooperative.name}</Link>
                {e.product ? ` · ${e.product.nameVi}` : ''}
                {' · '}
                {e.linkage ? (
                  <Link to={`/linkages/${e.linkage.id}`}>{t(`needs.status.${e.linkage.status}`)}</Link>
                ) : (
                  <span className="muted">{t('needs.notProposed')}</span>
                )}
              </li>
            ))}
          </ul>
        )}
        {waiting.length > 0 && (
          <button type="button" className="button button-small" disabled={proposing} onClick={() => void proposeToShortlist()}>
            {t('needs.proposeToShortlist', { count: waiting.length })}
          </button>
        )}
        {sent !== null && (
          <p role="status" className="muted">
            {t('needs.proposalsSent', { count: sent })}
          </p>
        )}
      </section>
      {edges.length === 0 ? (
        <p className="empty-state">{t('needs.noMatches')}</p>
      ) : (
        <ol className="match-list">
          {edges.map(({ node }, i) => {
            const key = node.product?.id ?? node.need?.id ?? String(i);
            const entry = node.cooperative ? entryFor(node.cooperative.id, node.product?.id) : undefined;
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
                  {node.cooperative && (
                    <button
                      type="button"
                      className="button button-small button-secondary"
                      aria-pressed={!!entry}
                      disabled={adding || removing}
                      onClick={async () => {
                        const r = entry
                          ? await removeFromShortlist(entry.id)
                          : await addToShortlist({ needId, cooperativeId: node.cooperative!.id, productId: node.product?.id ?? null });
                        setProblem(r.ok ? null : r.code);
                      }}
                    >
                      {entry ? t('needs.shortlisted') : t('needs.shortlist')}
                    </button>
                  )}
                  {node.cooperative && need && (
                    <ProposeLinkage
                      needId={needId}
                      quantity={need.quantity}
                      unit={need.unit}
                      lead={node.cooperative}
                      productId={node.product?.id ?? null}
                      label={t('needs.propose')}
                      onProposed={(id) => void navigate(`/linkages/${id}`)}
                      onError={setProblem}
                    />
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

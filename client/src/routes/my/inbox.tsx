import { useQuery } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ErrorCode } from '../../apollo/error-codes';
import { errorCodeOf } from '../../apollo/errors';
import { ErrorNotice } from '../../components/ErrorNotice';
import { MatchFactors } from '../../components/needs/MatchFactors';
import { PageSkeleton } from '../../components/Skeleton';
import { unitShortKey } from '../../components/units';
import { useMe } from '../../hooks/useMe';
import { formatLocalDate, formatNumber } from '../../i18n/format';
import { useProposeLinkageMutation } from '../../mutations/useProposeLinkageMutation';

const InboxDocument = graphql(`
  query CooperativeInbox($cooperativeId: ID!) {
    cooperativeMatches(cooperativeId: $cooperativeId, first: 30) {
      totalCount
      edges {
        node {
          ...MatchFactors_match
          product {
            id
            nameVi
          }
          need {
            id
            kind
            title
            quantity
            unit
            deliveryFrom
            deliveryTo
            business {
              id
              name
            }
          }
        }
      }
    }
    myLinkages(first: 30) {
      edges {
        node {
          id
          status
          need {
            id
            title
          }
          fromFair {
            id
            name
          }
          cooperative {
            id
            name
          }
        }
      }
    }
  }
`);

/** A cooperative's inbox: open needs ranked for its products and input needs, and its linkages. */
export function Component() {
  const { t } = useTranslation();
  const { me } = useMe();
  const navigate = useNavigate();
  const cooperativeId = me?.memberships.find((m) => m.organizationKind === 'COOPERATIVE')?.organizationId ?? '';
  const { data, loading, error } = useQuery(InboxDocument, { variables: { cooperativeId }, skip: !cooperativeId });
  const [propose, { loading: proposing }] = useProposeLinkageMutation();
  const [problem, setProblem] = useState<ErrorCode | null>(null);
  if (!me || (loading && !data)) return <PageSkeleton />;
  if (!cooperativeId) return <p className="empty-state">{t('needs.noCooperative')}</p>;
  if (error) return <ErrorNotice code={errorCodeOf(error)} />;

  return (
    <section className="page">
      <title>{`${t('needs.inboxTitle')} · CoopLink`}</title>
      <h1>{t('needs.inboxTitle')}</h1>
      {problem && <ErrorNotice code={problem} />}
      <h2>{t('needs.linkagesTitle')}</h2>
      <ul className="linkage-list">
        {data?.myLinkages.edges.map(({ node }) => (
          <li key={node.id}>
            <Link to={`/linkages/${node.id}`}>{node.need?.title ?? t('fairs.linkage.title', { fair: node.fromFair?.name ?? '' })}</Link> ·{' '}
            {t(`needs.status.${node.status}`)}
          </li>
        ))}
      </ul>
      <h2>{t('needs.matchingNeeds')}</h2>
      <ol className="match-list">
        {data?.cooperativeMatches.edges.map(({ node }) =>
          node.need ? (
            <li key={node.need.id} className="card match-card" data-testid="inbox-need">
              <h3 className="card-title">{node.need.title}</h3>
              <p className="muted">
                {node.need.business?.name} · {formatNumber(node.need.quantity)} {t(unitShortKey(node.need.unit))} ·{' '}
                {formatLocalDate(node.need.deliveryFrom)}–{formatLocalDate(node.need.deliveryTo)}
              </p>
              {node.product && <p>{t('needs.yourProduct', { name: node.product.nameVi })}</p>}
              <MatchFactors match={node} />
              {node.need.kind === 'OFFTAKE' && (
                <button
                  type="button"
                  className="button button-small"
                  disabled={proposing}
                  onClick={async () => {
                    const r = await propose({ needId: node.need!.id, cooperativeId, productId: node.product?.id ?? null });
                    if (r.ok) void navigate(`/linkages/${r.data.id}`);
                    else setProblem(r.code);
                  }}
                >
                  {t('needs.respond')}
                </button>
              )}
            </li>
          ) : null,
        )}
      </ol>
    </section>
  );
}

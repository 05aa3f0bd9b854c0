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
import { ProposeLinkage } from '../../components/needs/ProposeLinkage';

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
            cooperative {
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
  const membership = me?.memberships.find((m) => m.organizationKind === 'COOPERATIVE');
  const cooperativeId = membership?.organizationId ?? '';
  const cooperativeName = membership?.organizationName ?? '';
  const { data, loading, error } = useQuery(InboxDocument, { variables: { cooperativeId }, skip: !cooperativeId });
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
      <p>
        <Link to="/my/linkages">{t('myLinkages.all')}</Link>
      </p>
      <ul className="linkage-list">
        {data?.myLinkages.edges.map(({ node }) => (
          <li key={node.id}>
            <Link to={`/linkages/${node.id}`}>{node.need?.title ?? t('fairs.linkage.title', { fair: node.fromFair?.name ?? '' })}</Link> ·{' '}
            {t(`needs.status.${node.status}`)}
            {node.need && (
              <>
                {' · '}
                <Link to={`/needs/${node.need.id}`} className="muted">
                  {t('needPage.viewNeed')}
                </Link>
              </>
            )}
          </li>
        ))}
      </ul>
      <h2>{t('needs.matchingNeeds')}</h2>
      <ol className="match-list">
        {data?.cooperativeMatches.edges.map(({ node }) =>
          node.need ? (
            <li key={node.need.id} className="card match-card" data-testid="inbox-need">
              <h3 className="card-title">
                <Link to={`/needs/${node.need.id}`}>{node.need.title}</Link>
              </h3>
              <p className="muted">
                {t(`needs.kindShort.${node.need.kind}`)} · {node.need.business?.name ?? node.need.cooperative?.name} ·{' '}
                {formatNumber(node.need.quantity)} {t(unitShortKey(node.need.unit))} · {formatLocalDate(node.need.deliveryFrom)}–
                {formatLocalDate(node.need.deliveryTo)}
              </p>
              {node.product && <p>{t('needs.yourProduct', { name: node.product.nameVi })}</p>}
              <MatchFactors match={node} />
              {/* Both a company's purchase and its input offer take a proposal; a cooperative's own input needs are not answered here. */}
              {node.need.kind !== 'INPUT_DEMAND' && (
                <ProposeLinkage
                  needId={node.need.id}
                  quantity={node.need.quantity}
                  unit={node.need.unit}
                  lead={{ id: cooperativeId, name: cooperativeName }}
                  productId={node.product?.id ?? null}
                  label={t('needs.respond')}
                  onProposed={(id) => void navigate(`/linkages/${id}`)}
                  onError={setProblem}
                />
              )}
            </li>
          ) : null,
        )}
      </ol>
    </section>
  );
}

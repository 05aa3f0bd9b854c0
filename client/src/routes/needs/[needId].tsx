import type { QueryRef } from '@apollo/client/react';
import { useReadQuery } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { NeedPageQuery, NeedStatus } from '@cooplink/schema/types';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoaderFunctionArgs } from 'react-router';
import { Link, useLoaderData, useNavigate } from 'react-router';
import { preloadQuery } from '../../apollo/client';
import type { ErrorCode } from '../../apollo/error-codes';
import { ErrorNotice } from '../../components/ErrorNotice';
import { NotFound } from '../../components/NotFound';
import { NeedPrice } from '../../components/needs/NeedCard';
import { ProposeLinkage } from '../../components/needs/ProposeLinkage';
import { PageSkeleton } from '../../components/Skeleton';
import { unitShortKey } from '../../components/units';
import { useMe } from '../../hooks/useMe';
import { localized } from '../../i18n';
import { formatDateTime, formatLocalDate, formatNumber } from '../../i18n/format';
import { useUpdateNeedStatusMutation } from '../../mutations/useUpdateNeedStatusMutation';

const NeedPageDocument = graphql(`
  query NeedPage($id: ID!) {
    need(id: $id) {
      id
      kind
      title
      status
      version
      quantity
      unit
      frequency
      deliveryFrom
      deliveryTo
      deliveryArea {
        code
        name
        parent {
          code
          name
        }
      }
      priceMin
      priceMax
      negotiable
      requiredCertifications
      minOcopStars
      qualityNotes
      expiresAt
      createdAt
      viewerCanEdit
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
  }
`);

/** What the owner may move a need to from each status, as the API allows; EXPIRED is the platform's. */
const NEXT: Record<NeedStatus, Exclude<NeedStatus, 'EXPIRED'>[]> = {
  OPEN: ['PAUSED', 'FULFILLED', 'CLOSED'],
  PAUSED: ['OPEN', 'FULFILLED', 'CLOSED'],
  FULFILLED: [],
  CLOSED: [],
  EXPIRED: [],
};

type NeedRef = QueryRef<NeedPageQuery>;

export function loader({ params }: LoaderFunctionArgs): NeedRef {
  return preloadQuery(NeedPageDocument, { variables: { id: params['needId'] ?? '' }, fetchPolicy: 'cache-and-network' });
}

export function Component() {
  const queryRef = useLoaderData<NeedRef>();
  return (
    <Suspense fallback={<PageSkeleton />}>
      <NeedView queryRef={queryRef} />
    </Suspense>
  );
}

/** One need, every field of it, with the owner's actions and a cooperative's way to answer it. */
function NeedView({ queryRef }: { queryRef: NeedRef }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { me } = useMe();
  const { data } = useReadQuery(queryRef);
  const [updateStatus, { loading: saving }] = useUpdateNeedStatusMutation();
  const [problem, setProblem] = useState<ErrorCode | null>(null);
  const coops = (me?.memberships ?? []).filter((m) => m.organizationKind === 'COOPERATIVE');
  const [coopId, setCoopId] = useState('');
  const need = data.need;
  // Paused, closed and other people's private needs are hidden the same way as missing ones.
  if (!need) return <NotFound />;
  const poster = need.business ?? need.cooperative;
  const posterLink = need.business ? `/businesses/${need.business.id}` : need.cooperative ? `/cooperatives/${need.cooperative.id}` : null;
  const lead = coops.find((c) => c.organizationId === coopId) ?? coops[0];
  const canAnswer =
    !need.viewerCanEdit && need.status === 'OPEN' && need.kind !== 'INPUT_DEMAND' && !!lead && me?.roles.includes('COOP_MANAGER');
  const area = need.deliveryArea
    ? need.deliveryArea.parent
      ? `${need.deliveryArea.name}, ${need.deliveryArea.parent.name}`
      : need.deliveryArea.name
    : t('needs.area.anywhere');

  return (
    <section className="page need-page">
      <title>{`${need.title} · CoopLink`}</title>
      <p className="muted">
        <Link to="/needs">{t('needsBoard.title')}</Link>
      </p>
      <h1>{need.title}</h1>
      <p className="badges-row">
        <span className="badge">{t(`needs.kindShort.${need.kind}`)}</span>{' '}
        <span className={`badge need-status-${need.status}`} data-testid="need-status">
          {t(`needs.needStatus.${need.status}`)}
        </span>
      </p>
      {poster && (
        <p>
          {t('needPage.postedBy')}: {posterLink ? <Link to={posterLink}>{poster.name}</Link> : poster.name}
          <span className="muted"> · {formatDateTime(need.createdAt)}</span>
        </p>
      )}
      {problem && <ErrorNotice code={problem} />}
      <dl className="facts" data-testid="need-facts">
        <div>
          <dt>{t('needs.categoryLabel')}</dt>
          <dd>{localized(i18n.language, need.category.nameVi, need.category.nameEn)}</dd>
        </div>
        <div>
          <dt>{t('needs.quantityLabel')}</dt>
          <dd>
            {formatNumber(need.quantity)} {t(unitShortKey(need.unit))} · {t(`needs.frequency.${need.frequency}`)}
          </dd>
        </div>
        <div>
          <dt>{t('needPage.window')}</dt>
          <dd>
            {formatLocalDate(need.deliveryFrom)} – {formatLocalDate(need.deliveryTo)}
          </dd>
        </div>
        <div>
          <dt>{t('needs.area.label')}</dt>
          <dd>{area}</dd>
        </div>
        <div>
          <dt>{t('needPage.price')}</dt>
          <dd>
            <NeedPrice need={need} />
          </dd>
        </div>
        <div>
          <dt>{t('needs.certsLabel')}</dt>
          <dd>
            {need.requiredCertifications.length === 0
              ? t('needPage.none')
              : need.requiredCertifications.map((c) => t(`enums.certificationScheme.${c}`)).join(', ')}
          </dd>
        </div>
        <div>
          <dt>{t('needs.minOcopLabel')}</dt>
          <dd data-testid="need-ocop">{need.minOcopStars ? t('needs.minOcop', { count: need.minOcopStars }) : t('needPage.none')}</dd>
        </div>
        <div>
          <dt>{t('needs.qualityNotesLabel')}</dt>
          <dd data-testid="need-quality" className="pre-line">
            {need.qualityNotes || t('needPage.none')}
          </dd>
        </div>
        <div>
          <dt>{t('needPage.expires')}</dt>
          <dd>{formatDateTime(need.expiresAt)}</dd>
        </div>
      </dl>

      {need.viewerCanEdit && (
        <section className="card panel" aria-labelledby="need-owner-title">
          <h2 id="need-owner-title">{t('needPage.ownerTitle')}</h2>
          <p>
            <Link to={`/needs/${need.id}/matches`} className="button button-small" data-testid="need-matches-link">
              {t('needPage.seeMatches')}
            </Link>
          </p>
          {NEXT[need.status].length > 0 ? (
            <div className="actions">
              {NEXT[need.status].map((to) => (
                <button
                  key={to}
                  type="button"
                  className={to === 'CLOSED' ? 'button button-small button-secondary' : 'button button-small'}
                  disabled={saving}
                  onClick={async () => {
                    const r = await updateStatus(need.id, need.version, to);
                    setProblem(r.ok ? null : r.code);
                  }}
                >
                  {t(`needPage.moveTo.${to}`)}
                </button>
              ))}
            </div>
          ) : (
            <p className="muted">{t('needPage.finished')}</p>
          )}
        </section>
      )}

      {canAnswer && lead && (
        <section className="card panel" aria-labelledby="need-answer-title">
          <h2 id="need-answer-title">{t('needPage.answerTitle')}</h2>
          {coops.length > 1 && (
            <>
              <label htmlFor="answer-coop">{t('needPage.answerAs')}</label>
              <select id="answer-coop" value={lead.organizationId} onChange={(e) => setCoopId(e.target.value)}>
                {coops.map((c) => (
                  <option key={c.organizationId} value={c.organizationId}>
                    {c.organizationName}
                  </option>
                ))}
              </select>
            </>
          )}
          <ProposeLinkage
            needId={need.id}
            quantity={need.quantity}
            unit={need.unit}
            lead={{ id: lead.organizationId, name: lead.organizationName }}
            label={t('needs.respond')}
            onProposed={(id) => void navigate(`/linkages/${id}`)}
            onError={setProblem}
          />
        </section>
      )}
      {need.kind === 'INPUT_DEMAND' && !need.viewerCanEdit && me?.roles.includes('BUSINESS_REP') && (
        <p className="notice notice-info">{t('needPage.inputDemandHint')}</p>
      )}
    </section>
  );
}

import { useQuery } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { ErrorCode } from '../../apollo/error-codes';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { errorCodeOf } from '../../apollo/errors';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageSkeleton } from '../../components/Skeleton';
import { formatDateTime, formatLocalDate, formatNumber, formatShare, formatVnd } from '../../i18n/format';
import { AgreementForm } from '../../components/needs/AgreementForm';
import { DeliveryForm } from '../../components/needs/DeliveryForm';
import { unitShortKey } from '../../components/units';
import { useMoveLinkageMutation } from '../../mutations/useMoveLinkageMutation';
import { usePostLinkageMessageMutation } from '../../mutations/usePostLinkageMessageMutation';

const LinkageDocument = graphql(`
  query LinkagePage($id: ID!) {
    linkage(id: $id) {
      id
      status
      viewerSteps
      need {
        id
        title
        quantity
        unit
        business {
          id
          name
        }
      }
      cooperative {
        id
        name
      }
      counterpartName
      fromFair {
        id
        name
      }
      fairMeeting {
        id
      }
      steps {
        id
        fromStatus
        toStatus
        at
        actor
        actorOrganization
      }
      shares {
        quantity
        cooperative {
          id
          name
        }
      }
      messages {
        id
        body
        author
        createdAt
      }
      agreement {
        quantity
        unit
        unitPrice
        totalValue
        startsOn
        endsOn
        documentUrl
        signedBy
        signedAt
      }
      deliveries {
        id
        deliveredOn
        quantity
        note
        recordedBy
      }
    }
  }
`);

/** Both sides' page for one linkage: where it stands, what happened, the thread and the next steps. */
export function Component() {
  const { t } = useTranslation();
  const { linkageId = '' } = useParams();
  const { data, loading, error } = useQuery(LinkageDocument, { variables: { id: linkageId } });
  const [move, { loading: moving }] = useMoveLinkageMutation();
  const [post, { loading: posting }] = usePostLinkageMessageMutation();
  const [body, setBody] = useState('');
  const [problem, setProblem] = useState<ErrorCode | null>(null);
  if (loading && !data) return <PageSkeleton />;
  if (error || !data) return <ErrorNotice code={errorCodeOf(error)} />;
  const l = data.linkage;
  const title = l.need?.title ?? t('fairs.linkage.title', { fair: l.fromFair?.name ?? '' });
  // The agreement has its own form; every other step is one button.
  const buttons = l.viewerSteps.filter((to) => to !== 'AGREED');
  const canAgree = l.status === 'NEGOTIATING' && l.viewerSteps.includes('AGREED');
  const canDeliver = !!l.agreement && (l.status === 'AGREED' || l.status === 'DELIVERING') && l.viewerSteps.length > 0;
  const delivered = l.deliveries.reduce((sum, d) => sum + d.quantity, 0);

  return (
    <section className="page">
      <title>{`${title} · CoopLink`}</title>
      <h1>{title}</h1>
      <p className="muted">
        {l.counterpartName} ↔ {l.cooperative.name}
      </p>
      {l.need && (
        <p>
          <Link to={`/needs/${l.need.id}`} data-testid="linkage-need-link">
            {t('needPage.viewNeed')}
          </Link>
        </p>
      )}
      {l.fromFair && l.fairMeeting && (
        <p data-testid="linkage-from-fair">
          <Link to={`/fairs/${l.fromFair.id}/meetings/${l.fairMeeting.id}`}>{t('fairs.linkage.fromFair', { fair: l.fromFair.name })}</Link>
        </p>
      )}
      <p className="status-pill" data-testid="linkage-status">
        {t(`needs.status.${l.status}`)}
      </p>
      {problem && <ErrorNotice code={problem} />}
      {buttons.length > 0 && (
        <div className="actions">
          {buttons.map((to) => (
            <button
              key={to}
              type="button"
              className={to === 'DECLINED' || to === 'CANCELLED' ? 'button button-small button-secondary' : 'button button-small'}
              disabled={moving}
              onClick={async () => {
                const r = await move(l.id, to);
                setProblem(r.ok ? null : r.code);
              }}
            >
              {t(`needs.step.${to}`)}
            </button>
          ))}
        </div>
      )}
      {l.agreement && (
        <div className="card" data-testid="agreement">
          <h2>{t('needs.agreement')}</h2>
          <dl className="facts">
            <div>
              <dt>{t('needs.quantityLabel')}</dt>
              <dd>
                {formatNumber(l.agreement.quantity)} {t(unitShortKey(l.agreement.unit))}
              </dd>
            </div>
            <div>
              <dt>{t('needs.agreementForm.unitPrice')}</dt>
              <dd>{formatVnd(l.agreement.unitPrice)}</dd>
            </div>
            <div>
              <dt>{t('needs.agreementForm.total')}</dt>
              <dd data-testid="agreement-value">
                <strong>{formatVnd(l.agreement.totalValue)}</strong>
              </dd>
            </div>
            <div>
              <dt>{t('needs.agreementForm.term')}</dt>
              <dd>
                {formatLocalDate(l.agreement.startsOn)} – {formatLocalDate(l.agreement.endsOn)}
              </dd>
            </div>
            <div>
              <dt>{t('needs.agreementForm.recorded')}</dt>
              <dd>
                {l.agreement.signedBy ?? '—'} · {formatDateTime(l.agreement.signedAt)}
              </dd>
            </div>
          </dl>
          {l.agreement.documentUrl && (
            <p>
              <a href={l.agreement.documentUrl} target="_blank" rel="noreferrer">
                {t('needs.agreementForm.viewDocument')}
              </a>
            </p>
          )}
          <h3>{t('needs.deliveries')}</h3>
          <p data-testid="delivered-total">
            {t('needs.deliveredOf', {
              delivered: formatNumber(delivered),
              agreed: formatNumber(l.agreement.quantity),
              unit: t(unitShortKey(l.agreement.unit)),
            })}
          </p>
          {l.deliveries.length > 0 ? (
            <ul data-testid="deliveries">
              {l.deliveries.map((d) => (
                <li key={d.id}>
                  {t('needs.deliveryLine', {
                    date: formatLocalDate(d.deliveredOn),
                    quantity: `${formatNumber(d.quantity)} ${t(unitShortKey(l.agreement!.unit))}`,
                  })}
                  {d.note ? ` · ${d.note}` : ''}
                  {d.recordedBy ? <span className="muted"> · {d.recordedBy}</span> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('needs.noDeliveries')}</p>
          )}
        </div>
      )}
      {l.shares.length > 0 && (
        <section className="card panel" aria-labelledby="shares-title">
          <h2 id="shares-title">{t('jointOffer.title')}</h2>
          <table className="shares-table" data-testid="shares">
            <thead>
              <tr>
                <th scope="col">{t('jointOffer.cooperative')}</th>
                <th scope="col">{t('jointOffer.share', { unit: l.need ? t(unitShortKey(l.need.unit)) : '' })}</th>
                {l.need && <th scope="col">{t('jointOffer.percent')}</th>}
              </tr>
            </thead>
            <tbody>
              {l.shares.map((s) => (
                <tr key={s.cooperative.id}>
                  <th scope="row">
                    <Link to={`/cooperatives/${s.cooperative.id}`}>{s.cooperative.name}</Link>
                    {s.cooperative.id === l.cooperative.id && <span className="muted small"> ({t('jointOffer.lead')})</span>}
                  </th>
                  <td>{formatNumber(s.quantity)}</td>
                  {l.need && <td>{formatShare(s.quantity / l.need.quantity)}</td>}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('jointOffer.total')}</th>
                <td colSpan={l.need ? 2 : 1}>
                  {l.need
                    ? t('jointOffer.totalOf', {
                        total: formatNumber(l.shares.reduce((sum, s) => sum + s.quantity, 0)),
                        quantity: formatNumber(l.need.quantity),
                        unit: t(unitShortKey(l.need.unit)),
                      })
                    : formatNumber(l.shares.reduce((sum, s) => sum + s.quantity, 0))}
                </td>
              </tr>
            </tfoot>
          </table>
        </section>
      )}
      {canAgree && <AgreementForm linkageId={l.id} quantity={l.need?.quantity ?? null} unit={l.need?.unit ?? null} />}
      {canDeliver && <DeliveryForm linkageId={l.id} />}
      <h2>{t('needs.timeline')}</h2>
      <ol className="timeline" data-testid="timeline">
        {l.steps.map((s) => (
          <li key={s.id}>
            <time dateTime={s.at}>{formatDateTime(s.at)}</time> · {t(`needs.status.${s.toStatus}`)}
            {s.actor && (
              <span className="muted">
                {' · '}
                {s.actorOrganization ? t('needs.stepBy', { name: s.actor, organization: s.actorOrganization }) : s.actor}
              </span>
            )}
          </li>
        ))}
      </ol>
      <h2>{t('needs.thread')}</h2>
      <ul className="thread">
        {l.messages.map((m) => (
          <li key={m.id}>
            <strong>{m.author}</strong> <span className="muted">{formatDateTime(m.createdAt)}</span>
            <p>{m.body}</p>
          </li>
        ))}
      </ul>
      <form
        className="thread-form"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!body.trim()) return;
          const r = await post(l.id, body);
          if (r.ok) setBody('');
          else setProblem(r.code);
        }}
      >
        <label htmlFor="message">{t('needs.writeMessage')}</label>
        <textarea id="message" value={body} onChange={(e) => setBody(e.target.value)} maxLength={4000} rows={3} />
        <button type="submit" className="button button-small" disabled={posting}>
          {t('needs.send')}
        </button>
      </form>
    </section>
  );
}

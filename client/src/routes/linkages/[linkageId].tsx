import { useQuery } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { ErrorCode } from '../../apollo/error-codes';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { errorCodeOf } from '../../apollo/errors';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageSkeleton } from '../../components/Skeleton';
import { formatDateTime, formatLocalDate, formatNumber, formatVnd } from '../../i18n/format';
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
      }
      messages {
        id
        body
        author
        createdAt
      }
      agreement {
        quantity
        unitPrice
        totalValue
        startsOn
        endsOn
      }
      deliveries {
        id
        deliveredOn
        quantity
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

  return (
    <section className="page">
      <title>{`${title} · CoopLink`}</title>
      <h1>{title}</h1>
      <p className="muted">
        {l.need ? l.need.business?.name : l.counterpartName} ↔ {l.cooperative.name}
      </p>
      {l.fromFair && l.fairMeeting && (
        <p data-testid="linkage-from-fair">
          <Link to={`/fairs/${l.fromFair.id}/meetings/${l.fairMeeting.id}`}>{t('fairs.linkage.fromFair', { fair: l.fromFair.name })}</Link>
        </p>
      )}
      <p className="status-pill" data-testid="linkage-status">
        {t(`needs.status.${l.status}`)}
      </p>
      {problem && <ErrorNotice code={problem} />}
      {l.viewerSteps.length > 0 && (
        <div className="actions">
          {l.viewerSteps.map((to) => (
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
        <div className="card">
          <h2>{t('needs.agreement')}</h2>
          <p>
            {t('needs.agreementLine', {
              quantity: formatNumber(l.agreement.quantity),
              price: formatVnd(l.agreement.unitPrice),
              total: formatVnd(l.agreement.totalValue),
              from: formatLocalDate(l.agreement.startsOn),
              to: formatLocalDate(l.agreement.endsOn),
            })}
          </p>
          {l.deliveries.length > 0 && (
            <ul>
              {l.deliveries.map((d) => (
                <li key={d.id}>{t('needs.deliveryLine', { date: formatLocalDate(d.deliveredOn), quantity: formatNumber(d.quantity) })}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <h2>{t('needs.timeline')}</h2>
      <ol className="timeline" data-testid="timeline">
        {l.steps.map((s) => (
          <li key={s.id}>
            <time dateTime={s.at}>{formatDateTime(s.at)}</time> · {t(`needs.status.${s.toStatus}`)}
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

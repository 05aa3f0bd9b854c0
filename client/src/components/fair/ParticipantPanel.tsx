import { useQuery } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { FairDetailQuery } from '@cooplink/schema/types';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../hooks/useMe';
import { formatDateTime, formatNumber } from '../../i18n/format';
import type { Failure } from '../../mutations/outcome';
import { useRegisterForFairMutation } from '../../mutations/useRegisterForFairMutation';
import { useRespondMeetingRequestMutation } from '../../mutations/useRespondMeetingRequestMutation';
import { useSendMeetingRequestMutation } from '../../mutations/useSendMeetingRequestMutation';
import { useSetAvailabilityMutation } from '../../mutations/useSetAvailabilityMutation';
import { ErrorNotice } from '../ErrorNotice';
import { AgendaView } from './AgendaView';

const FairParticipantDocument = graphql(`
  query FairParticipant($id: ID!) {
    fair(id: $id) {
      id
      myRegistrations {
        id
        status
        organizationId
        organizationName
        organizationKind
        boothNumber
        unavailableSlots
        suggestedPartners(first: 5) {
          score
          registration {
            id
            organizationName
          }
        }
        incomingRequests(first: 20) {
          edges {
            node {
              id
              status
              preference
              reason
              from {
                organizationName
              }
            }
          }
        }
        outgoingRequests(first: 20) {
          edges {
            node {
              id
              status
              preference
              to {
                organizationName
              }
            }
          }
        }
      }
    }
  }
`);

type Fair = NonNullable<FairDetailQuery['fair']>;

/** What a cooperative or company does before and at the event, phone first. */
export function ParticipantPanel({ fair }: { fair: Fair }) {
  const { t } = useTranslation();
  const { me } = useMe();
  const { data } = useQuery(FairParticipantDocument, { variables: { id: fair.id }, fetchPolicy: 'cache-and-network' });
  const [register, { loading: registering }] = useRegisterForFairMutation();
  const [sendRequest] = useSendMeetingRequestMutation();
  const [respond] = useRespondMeetingRequestMutation();
  const [setAvailability] = useSetAvailabilityMutation();
  const [failure, setFailure] = useState<Failure | null>(null);
  const mine = data?.fair?.myRegistrations ?? [];
  const registered = new Set(mine.map((r) => r.organizationId));
  const unregistered = (me?.memberships ?? []).filter((m) => !registered.has(m.organizationId));
  const show = (r: { ok: true } | Failure) => setFailure(r.ok ? null : r);

  return (
    <>
      {failure && <ErrorNotice code={failure.code} />}
      {fair.status === 'OPEN' &&
        unregistered.map((m) => (
          <p key={m.organizationId}>
            <button
              type="button"
              className="button"
              disabled={registering}
              onClick={async () =>
                show(
                  await register(
                    m.organizationKind === 'COOPERATIVE'
                      ? { fairId: fair.id, cooperativeId: m.organizationId }
                      : { fairId: fair.id, businessId: m.organizationId },
                  ),
                )
              }
            >
              {t('fairs.register', { name: m.organizationName })}
            </button>
          </p>
        ))}
      {mine.map((reg) => (
        <div key={reg.id} className="participant">
          <h2>{reg.organizationName}</h2>
          <p>
            <span className="badge">{t(`fairs.registrationStatus.${reg.status}`)}</span>{' '}
            {reg.boothNumber != null && <span className="badge">{t('fairs.boothNumber', { n: reg.boothNumber })}</span>}
          </p>
          {reg.status === 'ACCEPTED' && fair.status !== 'COMPLETED' && (
            <>
              <section className="section">
                <h3>{t('fairs.availability.title')}</h3>
                <ul className="plain-list slot-toggles">
                  {fair.slots.map((s) => {
                    const off = reg.unavailableSlots.includes(s.index);
                    return (
                      <li key={s.index}>
                        <label>
                          <input
                            type="checkbox"
                            checked={!off}
                            onChange={async () =>
                              show(
                                await setAvailability({
                                  registrationId: reg.id,
                                  unavailableSlots: off
                                    ? reg.unavailableSlots.filter((x) => x !== s.index)
                                    : [...reg.unavailableSlots, s.index],
                                }),
                              )
                            }
                          />{' '}
                          {formatDateTime(s.startsAt)}
                        </label>
                      </li>
                    );
                  })}
                </ul>
              </section>
              <section className="section">
                <h3>{t('fairs.suggested.title')}</h3>
                <p className="small muted">{t('fairs.suggested.note')}</p>
                <ul className="plain-list">
                  {reg.suggestedPartners.map((p) => (
                    <li key={p.registration.id} className="queue-row">
                      <span>
                        {p.registration.organizationName} <span className="small muted">{formatNumber(Math.round(p.score * 100))}%</span>
                      </span>
                      <span className="row-actions">
                        {(['MUST_MEET', 'MEET', 'NO_THANKS'] as const).map((preference) => (
                          <button
                            key={preference}
                            type="button"
                            className="button button-small button-secondary"
                            onClick={async () =>
                              show(await sendRequest({ fromRegistrationId: reg.id, toRegistrationId: p.registration.id, preference }))
                            }
                          >
                            {t(`fairs.preference.${preference}`)}
                          </button>
                        ))}
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
              <section className="section">
                <h3>{t('fairs.requests.incoming')}</h3>
                <ul className="plain-list">
                  {reg.incomingRequests.edges.map(({ node }) => (
                    <li key={node.id} className="queue-row">
                      <span>
                        {node.from.organizationName} · {t(`fairs.preference.${node.preference}`)} ·{' '}
                        {t(`fairs.requestStatus.${node.status}`)}
                        {node.reason && <span className="small muted"> — {node.reason}</span>}
                      </span>
                      {node.status === 'PENDING' && (
                        <span className="row-actions">
                          <button
                            type="button"
                            className="button button-small"
                            onClick={async () => show(await respond({ requestId: node.id, accept: true }))}
                          >
                            {t('fairs.requests.accept')}
                          </button>
                          <button
                            type="button"
                            className="button button-small button-quiet"
                            onClick={async () => show(await respond({ requestId: node.id, accept: false }))}
                          >
                            {t('fairs.requests.decline')}
                          </button>
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
                <h3>{t('fairs.requests.outgoing')}</h3>
                <ul className="plain-list">
                  {reg.outgoingRequests.edges.map(({ node }) => (
                    <li key={node.id}>
                      {node.to.organizationName} · {t(`fairs.preference.${node.preference}`)} · {t(`fairs.requestStatus.${node.status}`)}
                    </li>
                  ))}
                </ul>
              </section>
            </>
          )}
          {reg.status === 'ACCEPTED' && <AgendaView fairId={fair.id} organizationId={reg.organizationId} name={reg.organizationName} />}
        </div>
      ))}
    </>
  );
}

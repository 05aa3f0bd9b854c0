import { useQuery } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { FairDetailQuery } from '@cooplink/schema/types';
import type { MeetingPreferenceLevel } from '@cooplink/schema/types';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../hooks/useMe';
import { localized } from '../../i18n';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { useRegisterForFairMutation } from '../../mutations/useRegisterForFairMutation';
import { useRespondMeetingRequestMutation } from '../../mutations/useRespondMeetingRequestMutation';
import { useSendMeetingRequestMutation } from '../../mutations/useSendMeetingRequestMutation';
import { useSetAvailabilityMutation } from '../../mutations/useSetAvailabilityMutation';
import { AgendaView } from './AgendaView';
import { FailureNotice, useFailureAt } from './FailureAt';
import { PartnerSearch, useFairParticipants } from './PartnerPicker';

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
                id
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
              reason
              to {
                id
                organizationName
              }
            }
          }
        }
      }
    }
  }
`);

const CooperativeShowcaseDocument = graphql(`
  query CooperativeShowcase($id: ID!) {
    cooperative(id: $id) {
      id
      products(first: 50) {
        edges {
          node {
            id
            nameVi
            nameEn
          }
        }
      }
    }
  }
`);

type Fair = NonNullable<FairDetailQuery['fair']>;
type Membership = { organizationId: string; organizationName: string; organizationKind: string };
const PREFERENCES = ['MUST_MEET', 'MEET', 'NO_THANKS'] as const;

/** Registering: a cooperative ticks the products it will show (all published ones by default). */
function RegisterForm({ fair, membership }: { fair: Fair; membership: Membership }) {
  const { t, i18n } = useTranslation();
  const cooperative = membership.organizationKind === 'COOPERATIVE';
  const { data } = useQuery(CooperativeShowcaseDocument, { variables: { id: membership.organizationId }, skip: !cooperative });
  const products = data?.cooperative?.products.edges.map((e) => e.node) ?? [];
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const [register, { loading }] = useRegisterForFairMutation();
  const { report, failureAt } = useFailureAt();
  const productIds = products.map((p) => p.id).filter((id) => !unticked.has(id));

  async function submit() {
    report(
      'register',
      await register(
        cooperative
          ? { fairId: fair.id, cooperativeId: membership.organizationId, productIds }
          : { fairId: fair.id, businessId: membership.organizationId },
      ),
    );
  }

  return (
    <div className="register-form" data-testid="fair-register">
      {cooperative && products.length > 0 && (
        <fieldset className="field">
          <legend>{t('fairs.registerProducts', { name: membership.organizationName })}</legend>
          <div className="check-grid">
            {products.map((p) => (
              <label key={p.id} className="check">
                <input
                  type="checkbox"
                  checked={!unticked.has(p.id)}
                  onChange={() =>
                    setUnticked((prev) => {
                      const next = new Set(prev);
                      if (next.has(p.id)) next.delete(p.id);
                      else next.add(p.id);
                      return next;
                    })
                  }
                />
                {localized(i18n.language, p.nameVi, p.nameEn)}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <FailureNotice failure={failureAt('register')} />
      <p>
        <button type="button" className="button" disabled={loading} onClick={() => void submit()}>
          {t('fairs.register', { name: membership.organizationName })}
        </button>
      </p>
    </div>
  );
}

/** What a cooperative or company does before and at the event, phone first. */
export function ParticipantPanel({ fair }: { fair: Fair }) {
  const { t } = useTranslation();
  const { me } = useMe();
  const { data, previousData } = useQuery(FairParticipantDocument, { variables: { id: fair.id }, fetchPolicy: 'cache-and-network' });
  const { participants } = useFairParticipants(fair.id);
  const [sendRequest, { loading: sending }] = useSendMeetingRequestMutation();
  const [respond, { loading: responding }] = useRespondMeetingRequestMutation();
  const [setAvailability] = useSetAvailabilityMutation();
  const { report, failureAt } = useFailureAt();
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const reasonId = useId();
  const loaded = data ?? previousData;
  const mine = loaded?.fair?.myRegistrations ?? [];
  const registered = new Set(mine.map((r) => r.organizationId));
  const unregistered = loaded ? (me?.memberships ?? []).filter((m) => !registered.has(m.organizationId)) : [];

  async function ask(fromId: string, toId: string, preference: MeetingPreferenceLevel) {
    const reason = preference === 'NO_THANKS' ? undefined : reasons[fromId]?.trim() || undefined;
    const ok = report(
      `request:${fromId}:${toId}`,
      await sendRequest({ fromRegistrationId: fromId, toRegistrationId: toId, preference, reason }),
    );
    if (ok) setReasons((prev) => ({ ...prev, [fromId]: '' }));
  }

  const requestButtons = (fromId: string, toId: string) => (
    <span className="row-actions">
      {PREFERENCES.map((preference) => (
        <button
          key={preference}
          type="button"
          className="button button-small button-secondary"
          disabled={sending}
          onClick={() => void ask(fromId, toId, preference)}
        >
          {t(`fairs.preference.${preference}`)}
        </button>
      ))}
    </span>
  );

  return (
    <>
      {fair.status === 'OPEN' && unregistered.map((m) => <RegisterForm key={m.organizationId} fair={fair} membership={m} />)}
      {mine.map((reg) => {
        const asked = new Set([
          ...reg.outgoingRequests.edges.map((e) => e.node.to.id),
          ...reg.incomingRequests.edges.map((e) => e.node.from.id),
        ]);
        return (
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
                                report(
                                  `availability:${reg.id}`,
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
                  <FailureNotice failure={failureAt(`availability:${reg.id}`)} />
                </section>
                <section className="section">
                  <h3>{t('fairs.suggested.title')}</h3>
                  <p className="small muted">{t('fairs.suggested.note')}</p>
                  <div className="field">
                    <label htmlFor={`${reasonId}-${reg.id}`}>{t('fairs.requests.reason')}</label>
                    <input
                      id={`${reasonId}-${reg.id}`}
                      maxLength={500}
                      value={reasons[reg.id] ?? ''}
                      onChange={(e) => setReasons((prev) => ({ ...prev, [reg.id]: e.target.value }))}
                      placeholder={t('fairs.requests.reasonHint')}
                    />
                  </div>
                  <ul className="plain-list">
                    {reg.suggestedPartners.map((p) => (
                      <li key={p.registration.id} className="queue-row">
                        <span>
                          {p.registration.organizationName} <span className="small muted">{formatNumber(Math.round(p.score * 100))}%</span>
                        </span>
                        {requestButtons(reg.id, p.registration.id)}
                        <FailureNotice failure={failureAt(`request:${reg.id}:${p.registration.id}`)} />
                      </li>
                    ))}
                  </ul>
                  <PartnerSearch
                    participants={participants}
                    exclude={(p) => p.id === reg.id || asked.has(p.id)}
                    label={t('fairs.partners.search')}
                    testId="partner-search"
                    render={(p) => (
                      <>
                        <span>
                          {p.organizationName}{' '}
                          <span className="small muted">{t(`fairs.orgKind.${p.organizationKind as 'COOPERATIVE' | 'BUSINESS'}`)}</span>
                        </span>
                        {requestButtons(reg.id, p.id)}
                        <FailureNotice failure={failureAt(`request:${reg.id}:${p.id}`)} />
                      </>
                    )}
                  />
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
                              disabled={responding}
                              onClick={async () => report(`respond:${node.id}`, await respond({ requestId: node.id, accept: true }))}
                            >
                              {t('fairs.requests.accept')}
                            </button>
                            <button
                              type="button"
                              className="button button-small button-quiet"
                              disabled={responding}
                              onClick={async () => report(`respond:${node.id}`, await respond({ requestId: node.id, accept: false }))}
                            >
                              {t('fairs.requests.decline')}
                            </button>
                          </span>
                        )}
                        <FailureNotice failure={failureAt(`respond:${node.id}`)} />
                      </li>
                    ))}
                  </ul>
                  <h3>{t('fairs.requests.outgoing')}</h3>
                  <ul className="plain-list">
                    {reg.outgoingRequests.edges.map(({ node }) => (
                      <li key={node.id}>
                        {node.to.organizationName} · {t(`fairs.preference.${node.preference}`)} · {t(`fairs.requestStatus.${node.status}`)}
                        {node.reason && <span className="small muted"> — {node.reason}</span>}
                      </li>
                    ))}
                  </ul>
                </section>
              </>
            )}
            {reg.status === 'ACCEPTED' && <AgendaView fairId={fair.id} organizationId={reg.organizationId} name={reg.organizationName} />}
          </div>
        );
      })}
    </>
  );
}

import type { MeetingPreferenceLevel } from '@cooplink/schema/types';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSendMeetingRequestMutation } from '../../mutations/useSendMeetingRequestMutation';
import { CheckInButton } from './CheckInButton';
import { FailureNotice, useFailureAt } from './FailureAt';
import { PartnerSearch, type Participant, useFairParticipants } from './PartnerPicker';

type OrgKind = 'COOPERATIVE' | 'BUSINESS';

/**
 * Staff at the event: who has arrived (tap to check in), and meetings booked for cooperatives
 * whose managers do not use the app themselves. A booked meeting counts as accepted by both
 * sides, so the next scheduler run seats it.
 */
export function StaffParticipants({ fairId, fairStatus }: { fairId: string; fairStatus: string }) {
  const { t } = useTranslation();
  const { participants } = useFairParticipants(fairId);
  const present = participants.filter((p) => p.checkedInAt).length;
  const canBook = fairStatus === 'OPEN' || fairStatus === 'CLOSED';

  return (
    <>
      <section className="section" data-testid="check-in">
        <h2>{t('fairs.checkIn.title')}</h2>
        <p className="muted">{t('fairs.checkIn.count', { present, total: participants.length })}</p>
        <PartnerSearch
          participants={participants}
          label={t('fairs.partners.search')}
          limit={12}
          render={(p) => (
            <>
              <span>
                <strong>{p.organizationName}</strong>{' '}
                <span className="small muted">
                  {t(`fairs.orgKind.${p.organizationKind as OrgKind}`)}
                  {p.boothNumber != null && ` · ${t('fairs.boothNumber', { n: p.boothNumber })}`}
                </span>
              </span>
              <CheckInButton registrationId={p.id} checkedInAt={p.checkedInAt} name={p.organizationName} />
            </>
          )}
        />
      </section>
      {canBook && <BookOnBehalf participants={participants} />}
    </>
  );
}

function BookOnBehalf({ participants }: { participants: readonly Participant[] }) {
  const { t } = useTranslation();
  const id = useId();
  const cooperatives = participants.filter((p) => p.organizationKind === 'COOPERATIVE');
  const [fromId, setFromId] = useState('');
  const [preference, setPreference] = useState<MeetingPreferenceLevel>('MEET');
  const [reason, setReason] = useState('');
  const [booked, setBooked] = useState<string | null>(null);
  const [send, { loading }] = useSendMeetingRequestMutation();
  const { report, failureAt } = useFailureAt();
  const from = cooperatives.find((c) => c.id === fromId);

  async function book(to: Participant) {
    if (!from) return;
    const ok = report(
      `book:${to.id}`,
      await send({ fromRegistrationId: from.id, toRegistrationId: to.id, preference, reason: reason.trim() || undefined, book: true }),
    );
    if (ok) {
      setBooked(t('fairs.book.done', { from: from.organizationName, to: to.organizationName }));
      setReason('');
    } else setBooked(null);
  }

  return (
    <section className="section" data-testid="book-on-behalf">
      <h2>{t('fairs.book.title')}</h2>
      <p className="small muted">{t('fairs.book.note')}</p>
      <div className="field">
        <label htmlFor={`${id}-from`}>{t('fairs.book.cooperative')}</label>
        <select id={`${id}-from`} value={fromId} onChange={(e) => setFromId(e.target.value)}>
          <option value="">{t('fairs.book.choose')}</option>
          {cooperatives.map((c) => (
            <option key={c.id} value={c.id}>
              {c.organizationName}
            </option>
          ))}
        </select>
      </div>
      {from && (
        <>
          <div className="field-row">
            <div className="field">
              <label htmlFor={`${id}-pref`}>{t('fairs.book.preference')}</label>
              <select id={`${id}-pref`} value={preference} onChange={(e) => setPreference(e.target.value as MeetingPreferenceLevel)}>
                {(['MUST_MEET', 'MEET'] as const).map((p) => (
                  <option key={p} value={p}>
                    {t(`fairs.preference.${p}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-reason`}>{t('fairs.requests.reason')}</label>
              <input id={`${id}-reason`} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
            </div>
          </div>
          {booked && (
            <p className="notice notice-success" role="status">
              {booked}
            </p>
          )}
          <PartnerSearch
            participants={participants}
            exclude={(p) => p.id === from.id}
            label={t('fairs.book.counterpart')}
            testId="book-counterparts"
            render={(p) => (
              <>
                <span>
                  {p.organizationName} <span className="small muted">{t(`fairs.orgKind.${p.organizationKind as OrgKind}`)}</span>
                </span>
                <button type="button" className="button button-small" disabled={loading} onClick={() => void book(p)}>
                  {t('fairs.book.action')}
                </button>
                <FailureNotice failure={failureAt(`book:${p.id}`)} />
              </>
            )}
          />
        </>
      )}
    </section>
  );
}

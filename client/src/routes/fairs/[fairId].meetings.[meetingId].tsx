import { useQuery } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { OutcomeLevel } from '@cooplink/schema/types';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { errorCodeOf } from '../../apollo/errors';
import { ErrorNotice } from '../../components/ErrorNotice';
import { NotFound } from '../../components/NotFound';
import { PageSkeleton } from '../../components/Skeleton';
import { formatDateTime, formatVnd, parseVndInput } from '../../i18n/format';
import type { Failure } from '../../mutations/outcome';
import { useOpenLinkageFromMeetingMutation } from '../../mutations/useOpenLinkageFromMeetingMutation';
import { useRecordAttendanceMutation } from '../../mutations/useRecordAttendanceMutation';
import { useRecordMeetingOutcomeMutation } from '../../mutations/useRecordMeetingOutcomeMutation';

const FairMeetingPageDocument = graphql(`
  query FairMeetingPage($id: ID!) {
    fairMeeting(id: $id) {
      id
      slot
      table
      status
      startsAt
      aAttended
      bAttended
      outcomeLevel
      outcomeNote
      agreementValue
      fair {
        id
        name
      }
      registrationA {
        id
        organizationName
        organizationKind
      }
      registrationB {
        id
        organizationName
        organizationKind
      }
      linkage {
        id
        status
      }
    }
  }
`);

const LEVELS: readonly OutcomeLevel[] = [
  'NO_FURTHER_CONTACT',
  'KNOWLEDGE_GAINED',
  'VALUABLE_CONTACT',
  'NEGOTIATION_STARTED',
  'AGREEMENT_REACHED',
];
const LINKABLE_FROM = LEVELS.indexOf('NEGOTIATION_STARTED');

/**
 * One meeting at a fair, for its two sides and staff: attendance at the table, the follow-up
 * outcome afterwards, and from "negotiation started" up, the linkage it carries on as.
 */
export function Component() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { meetingId = '' } = useParams();
  const { data, loading, error } = useQuery(FairMeetingPageDocument, { variables: { id: meetingId } });
  const [recordAttendance, { loading: savingAttendance }] = useRecordAttendanceMutation();
  const [recordOutcome, { loading: savingOutcome }] = useRecordMeetingOutcomeMutation();
  const [openLinkage, { loading: opening }] = useOpenLinkageFromMeetingMutation();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [saved, setSaved] = useState(false);
  const [present, setPresent] = useState<{ a: boolean; b: boolean } | null>(null);
  const [level, setLevel] = useState<OutcomeLevel | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [value, setValue] = useState<string | null>(null);

  if (loading && !data) return <PageSkeleton />;
  if (error) return <ErrorNotice code={errorCodeOf(error)} />;
  const m = data?.fairMeeting;
  if (!m) return <NotFound />;

  const a = present?.a ?? m.aAttended ?? true;
  const b = present?.b ?? m.bAttended ?? true;
  const chosenLevel = level ?? m.outcomeLevel ?? null;
  const levelIndex = m.outcomeLevel ? LEVELS.indexOf(m.outcomeLevel) : -1;
  const hasCooperative = m.registrationA.organizationKind === 'COOPERATIVE' || m.registrationB.organizationKind === 'COOPERATIVE';
  const show = (r: { ok: true } | Failure) => {
    setFailure(r.ok ? null : r);
    setSaved(r.ok);
  };

  async function saveOutcome(e: FormEvent) {
    e.preventDefault();
    if (!chosenLevel) return;
    const agreementValue = chosenLevel === 'AGREEMENT_REACHED' ? parseVndInput(value ?? String(m!.agreementValue ?? '')) : null;
    show(await recordOutcome({ meetingId: m!.id, level: chosenLevel, note: note ?? m!.outcomeNote, agreementValue }));
    setLevel(null);
  }

  async function startLinkage() {
    const r = await openLinkage(m!.id);
    if (r.ok && r.data.__typename === 'Linkage') void navigate(`/linkages/${r.data.id}`);
    else if (!r.ok) show(r);
  }

  return (
    <section className="page fair-meeting-page" data-testid="fair-meeting">
      <title>{`${t('fairs.meeting.title', { fair: m.fair.name })} · CoopLink`}</title>
      <p className="eyebrow">
        <Link to={`/fairs/${m.fair.id}`}>{t('fairs.meeting.back')}</Link>
      </p>
      <h1>{t('fairs.meeting.title', { fair: m.fair.name })}</h1>
      <p className="lead">
        {m.registrationA.organizationName} × {m.registrationB.organizationName}
      </p>
      <p>
        {t('fairs.meeting.when', { time: formatDateTime(m.startsAt), table: m.table })}{' '}
        <span className="badge badge-accent" data-testid="meeting-status" data-status={m.status}>
          {t(`fairs.meeting.status.${m.status as 'SCHEDULED' | 'HELD' | 'NO_SHOW'}`)}
        </span>
      </p>
      {failure && <ErrorNotice code={failure.code} />}
      {saved && !failure && (
        <p className="notice notice-info" role="status">
          {t('fairs.meeting.saved')}
        </p>
      )}

      {m.outcomeLevel == null && (
        <section className="section">
          <h2>{t('fairs.meeting.attendance')}</h2>
          <form
            className="fair-form"
            onSubmit={async (e) => {
              e.preventDefault();
              show(await recordAttendance({ meetingId: m.id, aAttended: a, bAttended: b }));
              setPresent(null);
            }}
          >
            <label className="check">
              <input type="checkbox" checked={a} onChange={(e) => setPresent({ a: e.target.checked, b })} />{' '}
              {t('fairs.meeting.present', { name: m.registrationA.organizationName })}
            </label>
            <label className="check">
              <input type="checkbox" checked={b} onChange={(e) => setPresent({ a, b: e.target.checked })} />{' '}
              {t('fairs.meeting.present', { name: m.registrationB.organizationName })}
            </label>
            <button type="submit" className="button button-secondary" disabled={savingAttendance}>
              {t('fairs.meeting.saveAttendance')}
            </button>
          </form>
        </section>
      )}

      {m.status === 'HELD' && (
        <section className="section">
          <h2>{t('fairs.meeting.outcomeTitle')}</h2>
          <form className="fair-form" onSubmit={(e) => void saveOutcome(e)}>
            <fieldset>
              <legend>{t('fairs.meeting.level')}</legend>
              {LEVELS.map((l) => (
                <label key={l} className="check">
                  <input type="radio" name="level" value={l} checked={chosenLevel === l} onChange={() => setLevel(l)} />{' '}
                  {t(`fairs.outcome.${l}`)}
                </label>
              ))}
            </fieldset>
            {chosenLevel === 'AGREEMENT_REACHED' && (
              <label>
                {t('fairs.meeting.value')}
                <input
                  inputMode="numeric"
                  value={value ?? (m.agreementValue != null ? String(m.agreementValue) : '')}
                  onChange={(e) => setValue(e.target.value)}
                />
              </label>
            )}
            <label>
              {t('fairs.meeting.note')}
              <textarea maxLength={2000} rows={3} value={note ?? m.outcomeNote} onChange={(e) => setNote(e.target.value)} />
            </label>
            <button type="submit" className="button button-secondary" disabled={savingOutcome || !chosenLevel}>
              {t('fairs.meeting.saveOutcome')}
            </button>
          </form>
          {m.agreementValue != null && <p className="small muted">{formatVnd(m.agreementValue)}</p>}
        </section>
      )}

      {m.status === 'HELD' && (m.linkage || levelIndex >= LINKABLE_FROM) && (
        <section className="section" data-testid="meeting-linkage">
          <h2>{t('fairs.meeting.linkageTitle')}</h2>
          {m.linkage ? (
            <p>
              <Link to={`/linkages/${m.linkage.id}`}>
                {t('fairs.meeting.viewLinkage', { status: t(`needs.status.${m.linkage.status}`) })}
              </Link>
            </p>
          ) : hasCooperative ? (
            <>
              <p className="small muted">{t('fairs.meeting.linkageHint')}</p>
              <button type="button" className="button" disabled={opening} onClick={() => void startLinkage()}>
                {t('fairs.meeting.openLinkage')}
              </button>
            </>
          ) : (
            <p className="muted">{t('fairs.meeting.noCooperative')}</p>
          )}
        </section>
      )}
    </section>
  );
}

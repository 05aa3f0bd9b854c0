import { useApolloClient, useQuery } from '@apollo/client/react';
import { useRef } from 'react';
import { graphql } from '@cooplink/schema/graphql';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../i18n/format';
import { printPart } from './print-part';

const FairAgendaDocument = graphql(`
  query FairAgenda($id: ID!, $org: ID!) {
    fair(id: $id) {
      id
      agenda(organizationId: $org) {
        meetingId
        startsAt
        endsAt
        table
        counterpartName
        contact
      }
    }
  }
`);

const FairAgendaIcsDocument = graphql(`
  query FairAgendaIcs($id: ID!, $org: ID!, $language: String) {
    fair(id: $id) {
      id
      agendaIcs(organizationId: $org, language: $language)
    }
  }
`);

/** One organisation's meetings, printable, and as a calendar file for the phone. */
export function AgendaView({ fairId, organizationId, name }: { fairId: string; organizationId: string; name: string }) {
  const { t, i18n } = useTranslation();
  const client = useApolloClient();
  const { data } = useQuery(FairAgendaDocument, { variables: { id: fairId, org: organizationId }, fetchPolicy: 'cache-and-network' });
  const lines = data?.fair?.agenda ?? [];
  const section = useRef<HTMLElement>(null);

  async function downloadIcs() {
    // The calendar speaks the language the screen is in.
    const language = i18n.language === 'en' ? 'en' : 'vi';
    const { data: ics } = await client.query({ query: FairAgendaIcsDocument, variables: { id: fairId, org: organizationId, language } });
    if (!ics?.fair) return;
    const url = URL.createObjectURL(new Blob([ics.fair.agendaIcs], { type: 'text/calendar;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = language === 'en' ? 'meetings.ics' : 'lich-gap-go.ics';
    a.click();
    URL.revokeObjectURL(url);
  }

  return (
    <section className="section agenda" data-testid="agenda" ref={section}>
      <div className="section-head">
        <h2>{t('fairs.agenda.title', { name })}</h2>
        {lines.length > 0 && (
          <div className="row-actions">
            <button type="button" className="button button-secondary button-small" onClick={() => printPart(section.current)}>
              {t('fairs.print')}
            </button>
            <button type="button" className="button button-secondary button-small" onClick={() => void downloadIcs()}>
              {t('fairs.agenda.ics')}
            </button>
          </div>
        )}
      </div>
      {lines.length === 0 ? (
        <p className="muted">{t('fairs.agenda.empty')}</p>
      ) : (
        <table className="agenda-table agenda-stack">
          <thead>
            <tr>
              <th>{t('fairs.agenda.time')}</th>
              <th>{t('fairs.agenda.table')}</th>
              <th>{t('fairs.agenda.counterpart')}</th>
              <th>{t('fairs.agenda.contact')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.meetingId}>
                <td data-label={t('fairs.agenda.time')}>{formatDateTime(l.startsAt)}</td>
                <td data-label={t('fairs.agenda.table')}>{l.table}</td>
                <td data-label={t('fairs.agenda.counterpart')}>
                  {l.counterpartName}{' '}
                  <Link to={`/fairs/${fairId}/meetings/${l.meetingId}`} className="small" data-testid="agenda-meeting-link">
                    {t('fairs.agenda.details')}
                  </Link>
                </td>
                <td data-label={t('fairs.agenda.contact')}>{l.contact}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

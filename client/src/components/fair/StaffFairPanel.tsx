import { useApolloClient, useQuery } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { FairDetailQuery, RegistrationDecision } from '@cooplink/schema/types';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatVnd } from '../../i18n/format';
import { useReviewRegistrationMutation } from '../../mutations/useReviewRegistrationMutation';
import { useScheduleFairMutation } from '../../mutations/useScheduleFairMutation';
import { BarChart } from './BarChart';
import { FailureNotice, useFailureAt } from './FailureAt';
import { MeetingGrid } from './MeetingGrid';
import { printPart } from './print-part';
import { ScheduleProgressView } from './ScheduleProgressView';
import { ScheduleRunSummary } from './ScheduleRunSummary';
import { StaffParticipants } from './StaffParticipants';

const FairStaffDocument = graphql(`
  query FairStaff($id: ID!) {
    fair(id: $id) {
      id
      registrations(status: [APPLIED, WAITLISTED], first: 50) {
        totalCount
        edges {
          node {
            id
            status
            organizationName
            organizationKind
            createdAt
          }
        }
      }
      lastScheduleRun {
        ...ScheduleRunSummary_run
      }
      meetings {
        id
        slot
        table
        locked
        status
        registrationA {
          organizationName
        }
        registrationB {
          organizationName
        }
      }
      report {
        linkagesOpened
        linkageAgreements
        registrations
        accepted
        meetingsRequested
        meetingsAccepted
        meetingsScheduled
        meetingsHeld
        noShows
        agreements
        agreementValue
        outcomes {
          key
          count
        }
        registrationsBySector {
          key
          count
        }
        registrationsByArea {
          key
          label
          count
        }
      }
    }
  }
`);

const FairReportCsvDocument = graphql(`
  query FairReportCsv($id: ID!) {
    fair(id: $id) {
      id
      reportCsv
    }
  }
`);

type Fair = NonNullable<FairDetailQuery['fair']>;
type OutcomeLevel = 'NO_FURTHER_CONTACT' | 'KNOWLEDGE_GAINED' | 'VALUABLE_CONTACT' | 'NEGOTIATION_STARTED' | 'AGREEMENT_REACHED';
type SectorKey = 'AGRICULTURE' | 'NON_AGRICULTURE' | 'BUSINESS';

export function StaffFairPanel({ fair }: { fair: Fair }) {
  const { t } = useTranslation();
  const { data, previousData } = useQuery(FairStaffDocument, { variables: { id: fair.id }, fetchPolicy: 'cache-and-network' });
  const [review, { loading: reviewing }] = useReviewRegistrationMutation();
  const [schedule, { loading: scheduling }] = useScheduleFairMutation();
  const { report: show, failureAt } = useFailureAt();
  const client = useApolloClient();
  const scheduleSection = useRef<HTMLElement>(null);
  const staff = (data ?? previousData)?.fair;

  async function decide(registrationId: string, decision: RegistrationDecision) {
    show(`review:${registrationId}`, await review({ registrationId, decision }));
  }

  async function runScheduler() {
    show('schedule', await schedule(fair.id));
  }

  async function downloadCsv() {
    const { data: csv } = await client.query({ query: FairReportCsvDocument, variables: { id: fair.id }, fetchPolicy: 'network-only' });
    if (!csv?.fair) return;
    const url = URL.createObjectURL(new Blob([csv.fair.reportCsv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `fair-report-${fair.id.slice(0, 8)}.csv`;
    a.click();
    URL.revokeObjectURL(url);
  }

  const report = staff?.report;
  return (
    <>
      <section className="section">
        <h2>{t('fairs.review.title')}</h2>
        {staff && staff.registrations.edges.length === 0 && <p className="muted">{t('fairs.review.empty')}</p>}
        <ul className="queue">
          {staff?.registrations.edges.map(({ node }) => (
            <li key={node.id} className="queue-row">
              <div>
                <strong>{node.organizationName}</strong>{' '}
                <span className="badge">{t(`fairs.orgKind.${node.organizationKind as 'COOPERATIVE' | 'BUSINESS'}`)}</span>{' '}
                <span className="badge">{t(`fairs.registrationStatus.${node.status}`)}</span>
                <p className="small muted">{formatDate(node.createdAt)}</p>
              </div>
              <div className="row-actions">
                <button type="button" className="button button-small" disabled={reviewing} onClick={() => void decide(node.id, 'ACCEPT')}>
                  {t('fairs.review.accept')}
                </button>
                {node.status === 'APPLIED' && (
                  <button
                    type="button"
                    className="button button-small button-secondary"
                    disabled={reviewing}
                    onClick={() => void decide(node.id, 'WAITLIST')}
                  >
                    {t('fairs.review.waitlist')}
                  </button>
                )}
                <button
                  type="button"
                  className="button button-small button-quiet"
                  disabled={reviewing}
                  onClick={() => void decide(node.id, 'REJECT')}
                >
                  {t('fairs.review.reject')}
                </button>
              </div>
              <FailureNotice failure={failureAt(`review:${node.id}`)} />
            </li>
          ))}
        </ul>
      </section>

      <section className="section" ref={scheduleSection}>
        <div className="section-head">
          <h2>{t('fairs.schedule.title')}</h2>
          <div className="row-actions">
            {(fair.status === 'OPEN' || fair.status === 'CLOSED') && (
              <button type="button" className="button" disabled={scheduling} onClick={() => void runScheduler()}>
                {scheduling ? t('fairs.schedule.running') : t('fairs.schedule.run')}
              </button>
            )}
            <button type="button" className="button button-secondary" onClick={() => printPart(scheduleSection.current)}>
              {t('fairs.print')}
            </button>
          </div>
        </div>
        <FailureNotice failure={failureAt('schedule')} />
        {scheduling && <ScheduleProgressView fairId={fair.id} slots={fair.slots.length} tables={fair.tableCount} />}
        {!scheduling && staff?.lastScheduleRun && <ScheduleRunSummary run={staff.lastScheduleRun} />}
        {staff && staff.meetings.length > 0 ? (
          <>
            <p className="row-actions table-sheet-links">
              {t('fairs.schedule.tableSheets')}{' '}
              {Array.from({ length: fair.tableCount }, (_, i) => i + 1).map((n) => (
                <Link key={n} to={`/fairs/${fair.id}/tables/${n}`}>
                  {t('fairs.sheet.table', { n })}
                </Link>
              ))}
            </p>
            <MeetingGrid fairId={fair.id} slots={fair.slots} tableCount={fair.tableCount} meetings={staff.meetings} />
          </>
        ) : (
          <p className="muted">{t('fairs.schedule.none')}</p>
        )}
      </section>

      <StaffParticipants fairId={fair.id} fairStatus={fair.status} />

      {report && (
        <section className="section fair-report">
          <div className="section-head">
            <h2>{t('fairs.report.title')}</h2>
            <button type="button" className="button button-secondary" onClick={() => void downloadCsv()}>
              {t('fairs.report.csv')}
            </button>
          </div>
          <p>
            {t('fairs.report.line', {
              registrations: report.accepted,
              requested: report.meetingsRequested,
              accepted: report.meetingsAccepted,
              scheduled: report.meetingsScheduled,
              held: report.meetingsHeld,
              noShows: report.noShows,
            })}
          </p>
          <p className="report-figure" data-testid="report-agreements">
            {t('fairs.report.agreements', { count: report.agreements, value: formatVnd(report.agreementValue) })}
          </p>
          <p>{t('fairs.report.linkages', { opened: report.linkagesOpened, agreed: report.linkageAgreements })}</p>
          <div className="report-charts">
            <BarChart
              title={t('fairs.report.meetingsChart')}
              testId="report-meetings"
              rows={[
                { key: 'requested', label: t('fairs.report.requested'), value: report.meetingsRequested },
                { key: 'accepted', label: t('fairs.report.accepted'), value: report.meetingsAccepted },
                { key: 'scheduled', label: t('fairs.report.scheduled'), value: report.meetingsScheduled },
                { key: 'held', label: t('fairs.report.held'), value: report.meetingsHeld },
                { key: 'noShows', label: t('fairs.report.noShows'), value: report.noShows, tone: 'warn' },
                { key: 'agreements', label: t('fairs.report.agreementCount'), value: report.agreements },
              ]}
            />
            <BarChart
              title={t('fairs.report.outcomes')}
              rows={report.outcomes.map((o) => ({ key: o.key, label: t(`fairs.outcome.${o.key as OutcomeLevel}`), value: o.count }))}
            />
            <BarChart
              title={t('fairs.report.bySector')}
              rows={report.registrationsBySector.map((r) => ({
                key: r.key,
                label: t(`fairs.report.sector.${r.key as SectorKey}`, { defaultValue: r.key }),
                value: r.count,
              }))}
            />
            <BarChart
              title={t('fairs.report.byArea')}
              testId="report-areas"
              rows={report.registrationsByArea.map((r) => ({
                key: r.key,
                label: r.label ?? t('fairs.report.unknownArea'),
                value: r.count,
              }))}
            />
          </div>
        </section>
      )}
    </>
  );
}

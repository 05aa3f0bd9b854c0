import { useApolloClient, useQuery } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { FairDetailQuery, RegistrationDecision } from '@cooplink/schema/types';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatNumber, formatVnd } from '../../i18n/format';
import type { Failure } from '../../mutations/outcome';
import { useReviewRegistrationMutation } from '../../mutations/useReviewRegistrationMutation';
import { useScheduleFairMutation } from '../../mutations/useScheduleFairMutation';
import { ErrorNotice } from '../ErrorNotice';
import { MeetingGrid } from './MeetingGrid';
import { ScheduleProgressView } from './ScheduleProgressView';
import { ScheduleRunSummary } from './ScheduleRunSummary';

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

export function StaffFairPanel({ fair }: { fair: Fair }) {
  const { t } = useTranslation();
  const { data } = useQuery(FairStaffDocument, { variables: { id: fair.id }, fetchPolicy: 'cache-and-network' });
  const [review, { loading: reviewing }] = useReviewRegistrationMutation();
  const [schedule, { loading: scheduling }] = useScheduleFairMutation();
  const [failure, setFailure] = useState<Failure | null>(null);
  const client = useApolloClient();
  const staff = data?.fair;

  async function decide(registrationId: string, decision: RegistrationDecision) {
    const result = await review({ registrationId, decision });
    setFailure(result.ok ? null : result);
  }

  async function runScheduler() {
    const result = await schedule(fair.id);
    setFailure(result.ok ? null : result);
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
  const maxOutcome = Math.max(1, ...(report?.outcomes.map((o) => o.count) ?? [1]));
  return (
    <>
      {failure && <ErrorNotice code={failure.code} />}
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
            </li>
          ))}
        </ul>
      </section>

      <section className="section">
        <div className="section-head">
          <h2>{t('fairs.schedule.title')}</h2>
          <div className="row-actions">
            {(fair.status === 'OPEN' || fair.status === 'CLOSED') && (
              <button type="button" className="button" disabled={scheduling} onClick={() => void runScheduler()}>
                {scheduling ? t('fairs.schedule.running') : t('fairs.schedule.run')}
              </button>
            )}
            <button type="button" className="button button-secondary" onClick={() => window.print()}>
              {t('fairs.print')}
            </button>
          </div>
        </div>
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
          <p>{t('fairs.report.agreements', { count: report.agreements, value: formatVnd(report.agreementValue) })}</p>
          <p>{t('fairs.report.linkages', { opened: report.linkagesOpened, agreed: report.linkageAgreements })}</p>
          <ul className="plain-list bar-chart" aria-label={t('fairs.report.outcomes')}>
            {report.outcomes.map((o) => (
              <li key={o.key}>
                <span className="bar-label">{t(`fairs.outcome.${o.key as OutcomeLevel}`)}</span>
                <span className="bar" style={{ width: `${(o.count / maxOutcome) * 100}%` }} />
                <span className="bar-value">{formatNumber(o.count)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

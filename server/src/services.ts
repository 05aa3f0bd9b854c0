import type { Config } from './config';
import { AreaService } from './modules/area/area.service';
import { AuditService } from './modules/audit/audit.service';
import { AccountService } from './modules/auth/account.service';
import { AuthService } from './modules/auth/auth.service';
import { TokenService } from './modules/auth/tokens';
import { BusinessService } from './modules/business/business.service';
import { CatalogueSearchService } from './modules/catalogue-search/catalogue-search.service';
import { CooperativeService } from './modules/cooperative/cooperative.service';
import { OversightService } from './modules/oversight/oversight.service';
import { StatusService } from './modules/oversight/status.service';
import { ProductService } from './modules/product/product.service';
import { CertificateReminderService } from './modules/trace/certificate-reminder.service';
import { LotService } from './modules/trace/lot.service';
import { RecallService } from './modules/trace/recall.service';
import { TraceEventService } from './modules/trace/trace-event.service';
import { VerificationService } from './modules/verification/verification.service';
import { AgendaService } from './modules/fair/agenda.service';
import { FairService } from './modules/fair/fair.service';
import { MeetingRequestService } from './modules/fair/meeting-request.service';
import { OutcomeService } from './modules/fair/outcome.service';
import { RegistrationService } from './modules/fair/registration.service';
import { ReportService } from './modules/fair/report.service';
import { ScheduleService } from './modules/fair/schedule.service';
import { NeedService } from './modules/need/need.service';
import { MatchingService } from './modules/matching/matching.service';
import { NotificationService } from './modules/notification/notification.service';
import { LinkageService } from './modules/linkage/linkage.service';
import { LinkageFromMeetingService } from './modules/linkage/linkage-from-meeting.service';
import { ShortlistService } from './modules/shortlist/shortlist.service';

/** The services of one process. They hold no request state: every method takes the request context first. */
export function createServices(config: Config) {
  const tokens = new TokenService(config.jwtSecret, config.accessTokenSeconds);
  const matching = new MatchingService();
  return {
    tokens,
    auth: new AuthService(tokens, config),
    account: new AccountService(config),
    areas: new AreaService(),
    audit: new AuditService(),
    cooperatives: new CooperativeService(),
    businesses: new BusinessService(),
    products: new ProductService(),
    search: new CatalogueSearchService(),
    verification: new VerificationService(),
    oversight: new OversightService(),
    status: new StatusService(),
    fairs: new FairService(),
    registrations: new RegistrationService(),
    meetingRequests: new MeetingRequestService(),
    schedules: new ScheduleService(),
    agendas: new AgendaService(),
    outcomes: new OutcomeService(),
    fairReports: new ReportService(),
    lots: new LotService(),
    traceEvents: new TraceEventService(),
    recall: new RecallService(),
    certificateReminders: new CertificateReminderService(),
    needs: new NeedService(),
    matching,
    notifications: new NotificationService(matching),
    linkages: new LinkageService(),
    linkagesFromMeetings: new LinkageFromMeetingService(),
    shortlists: new ShortlistService(),
  };
}

export type Services = ReturnType<typeof createServices>;

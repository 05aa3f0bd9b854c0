import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { authChecker } from './common/auth-checker';
import { AreaResolver } from './modules/area/area.resolver';
import { AccountResolver } from './modules/auth/account.resolver';
import { AuthResolver } from './modules/auth/auth.resolver';
import { BusinessResolver } from './modules/business/business.resolver';
import { CatalogueSearchResolver } from './modules/catalogue-search/catalogue-search.resolver';
import { CategoryResolver } from './modules/catalogue/category.resolver';
import { CooperativeResolver } from './modules/cooperative/cooperative.resolver';
import { CooperativeOversightResolver, OversightResolver, RatingEvidenceResolver } from './modules/oversight/oversight.resolver';
import { CertificationResolver, ProductResolver } from './modules/product/product.resolver';
import { CertificateReminderResolver } from './modules/trace/certificate-reminder.resolver';
import { EventLotResolver, LotResolver, ProductLotsResolver, TraceEventResolver } from './modules/trace/trace.resolver';
import { VerificationResolver } from './modules/verification/verification.resolver';
import { FairResolver } from './modules/fair/fair.resolver';
import { FairRegistrationResolver } from './modules/fair/registration.resolver';
import { MeetingRequestResolver } from './modules/fair/meeting-request.resolver';
import { FairMeetingResolver, UnplacedMeetingRequestResolver } from './modules/fair/schedule.resolver';
import { NeedResolver } from './modules/need/need.resolver';
import { MatchingResolver } from './modules/matching/matching.resolver';
import { NotificationResolver } from './modules/notification/notification.resolver';
import {
  AgreementResolver,
  DeliveryResolver,
  LinkageMessageResolver,
  LinkageStepResolver,
  LinkageResolver,
  LinkageShareResolver,
} from './modules/linkage/linkage.resolver';
import { ShortlistResolver } from './modules/shortlist/shortlist.resolver';

export const RESOLVERS = [
  AuthResolver,
  AccountResolver,
  AreaResolver,
  BusinessResolver,
  CatalogueSearchResolver,
  CategoryResolver,
  CooperativeResolver,
  ProductResolver,
  CertificationResolver,
  VerificationResolver,
  OversightResolver,
  CooperativeOversightResolver,
  RatingEvidenceResolver,
  FairResolver,
  FairRegistrationResolver,
  MeetingRequestResolver,
  FairMeetingResolver,
  UnplacedMeetingRequestResolver,
  LotResolver,
  TraceEventResolver,
  EventLotResolver,
  ProductLotsResolver,
  CertificateReminderResolver,
  NeedResolver,
  MatchingResolver,
  NotificationResolver,
  LinkageResolver,
  LinkageShareResolver,
  LinkageMessageResolver,
  LinkageStepResolver,
  AgreementResolver,
  DeliveryResolver,
  ShortlistResolver,
] as const;

let cached: Promise<GraphQLSchema> | null = null;

/** The schema is built once per process; type-graphql keeps its metadata globally. */
export function getSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: RESOLVERS,
    authChecker,
    // Subscriptions bring their own source (Postgres LISTEN/NOTIFY through the
    // notification hub); type-graphql still insists on a pubSub, which is unused.
    pubSub: {
      publish: () => undefined,
      subscribe: () => {
        throw new Error('Subscriptions use their own subscribe function.');
      },
    },
    validate: { forbidUnknownValues: false, stopAtFirstError: false },
  });
  return cached;
}

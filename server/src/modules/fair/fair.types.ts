import { Field, Float, GraphQLISODateTime as DateTimeISO, ID, Int, ObjectType, createUnionType } from 'type-graphql';
import { Connection } from '../../common/pagination';
import { DuplicateError, ErrorResult, InvalidTransitionError, NotVerifiedError, VersionConflictError } from '../../common/errors';
import { MoneyScalar } from '../../common/scalars';
import { Fair, FairMeeting, FairRegistration, MeetingRequest } from './fair.entity';

@ObjectType({ implements: ErrorResult })
export class CapacityFullError extends ErrorResult {
  @Field(() => Int) capacity!: number;
  static of(capacity: number): CapacityFullError {
    return Object.assign(new CapacityFullError(), { code: 'CAPACITY_FULL', message: 'Every booth is taken.', capacity });
  }
}

@ObjectType({ implements: ErrorResult })
export class RegistrationClosedError extends ErrorResult {
  static of(): RegistrationClosedError {
    return Object.assign(new RegistrationClosedError(), {
      code: 'REGISTRATION_CLOSED',
      message: 'Registration for this event is not open.',
    });
  }
}

@ObjectType({ implements: ErrorResult })
export class RequestExpiredError extends ErrorResult {
  static of(): RequestExpiredError {
    return Object.assign(new RequestExpiredError(), { code: 'REQUEST_EXPIRED', message: 'This meeting request has expired.' });
  }
}

@ObjectType({ implements: ErrorResult })
export class NotParticipatingError extends ErrorResult {
  static of(): NotParticipatingError {
    return Object.assign(new NotParticipatingError(), {
      code: 'NOT_PARTICIPATING',
      message: 'Both sides must be accepted participants of the event.',
    });
  }
}

@ObjectType({ implements: ErrorResult })
export class MeetingConflictError extends ErrorResult {
  @Field(() => String, { description: 'TABLE_TAKEN, PARTICIPANT_BUSY, OUT_OF_RANGE or UNAVAILABLE.' }) conflict!: string;
  static of(conflict: string): MeetingConflictError {
    return Object.assign(new MeetingConflictError(), {
      code: 'MEETING_CONFLICT',
      message: 'The meeting cannot go there.',
      conflict,
    });
  }
}

@ObjectType({ implements: ErrorResult })
export class ScheduleInputInvalidError extends ErrorResult {
  @Field(() => String) reason!: string;
  static of(reason: string, message: string): ScheduleInputInvalidError {
    return Object.assign(new ScheduleInputInvalidError(), { code: 'SCHEDULE_INPUT_INVALID', message, reason });
  }
}

@ObjectType()
export class UnplacedMeetingRequest {
  @Field(() => ID) requestId!: string;
  @Field(() => String, {
    description: 'BLOCKED, NO_COMMON_SLOT, PARTICIPANT_CAP, NO_TABLE, LOCKED_CONFLICT or LOWER_VALUE_CONFLICT.',
  })
  reason!: string;
}

@ObjectType({ description: 'The outcome of a scheduler run, stored with the fair.' })
export class ScheduleRun {
  @Field(() => Int) meetingsRequested!: number;
  @Field(() => Int) meetingsPlaced!: number;
  @Field(() => Float) objective!: number;
  @Field(() => Float, { description: 'No schedule of this input is worth more.' }) upperBound!: number;
  @Field(() => Float, { description: 'objective / upperBound, 0..1.' }) quality!: number;
  @Field(() => Int, { description: 'Hard-rule violations; always 0 unless there is a bug.' }) conflicts!: number;
  @Field(() => Int) lockedKept!: number;
  @Field(() => [UnplacedMeetingRequest]) unplaced!: UnplacedMeetingRequest[];
  @Field(() => Int) elapsedMs!: number;
}

@ObjectType()
export class FairSlot {
  @Field(() => Int) index!: number;
  @Field(() => String) session!: string;
  @Field(() => DateTimeISO) startsAt!: Date;
  @Field(() => DateTimeISO) endsAt!: Date;
}

@ObjectType()
export class SuggestedPartner {
  @Field(() => FairRegistration) registration!: FairRegistration;
  @Field(() => Float, {
    description:
      'How promising the meeting is, 0..1: the match score of what the company posted against what the cooperative shows or needs.',
  })
  score!: number;
}

@ObjectType()
export class CountByKey {
  @Field(() => String) key!: string;
  @Field(() => Int) count!: number;
  @Field(() => String, {
    nullable: true,
    description: 'The area’s name for area keys; null where the key is a code the client words itself.',
  })
  label?: string | null;
}

@ObjectType()
export class FairReport {
  @Field(() => Int) registrations!: number;
  @Field(() => Int) accepted!: number;
  @Field(() => [CountByKey]) registrationsBySector!: CountByKey[];
  @Field(() => [CountByKey], { description: 'By district code (or BUSINESS_OUTSIDE for companies outside the province).' })
  registrationsByArea!: CountByKey[];
  @Field(() => Int) meetingsRequested!: number;
  @Field(() => Int) meetingsAccepted!: number;
  @Field(() => Int) meetingsScheduled!: number;
  @Field(() => Int) meetingsHeld!: number;
  @Field(() => Int) noShows!: number;
  @Field(() => [CountByKey]) outcomes!: CountByKey[];
  @Field(() => Int) agreements!: number;
  @Field(() => MoneyScalar, {
    description: 'Signed linkage contracts from the event count at their total; other agreements at the recorded value.',
  })
  agreementValue!: number;
  @Field(() => Int, { description: 'Linkages opened from the event’s meetings.' }) linkagesOpened!: number;
  @Field(() => Int, { description: 'Of those, linkages that reached a signed agreement.' }) linkageAgreements!: number;
}

@ObjectType()
export class FairConnection extends Connection(Fair, 'Fair') {}
@ObjectType()
export class FairRegistrationConnection extends Connection(FairRegistration, 'FairRegistration') {}
@ObjectType()
export class MeetingRequestConnection extends Connection(MeetingRequest, 'MeetingRequest') {}

export const FairResult = createUnionType({
  name: 'FairResult',
  types: () => [Fair, VersionConflictError, InvalidTransitionError] as const,
});
export const RegisterForFairResult = createUnionType({
  name: 'RegisterForFairResult',
  types: () => [FairRegistration, RegistrationClosedError, DuplicateError, NotVerifiedError] as const,
});
export const ReviewRegistrationResult = createUnionType({
  name: 'ReviewRegistrationResult',
  types: () => [FairRegistration, CapacityFullError, InvalidTransitionError, DuplicateError] as const,
});
export const RegistrationResult = createUnionType({
  name: 'RegistrationResult',
  types: () => [FairRegistration, InvalidTransitionError] as const,
});
export const MeetingRequestResult = createUnionType({
  name: 'MeetingRequestResult',
  types: () => [MeetingRequest, NotParticipatingError, DuplicateError, RequestExpiredError, InvalidTransitionError] as const,
});
export const ScheduleFairResult = createUnionType({
  name: 'ScheduleFairResult',
  types: () => [ScheduleRun, ScheduleInputInvalidError, InvalidTransitionError] as const,
});
export const MeetingResult = createUnionType({
  name: 'MeetingResult',
  types: () => [FairMeeting, MeetingConflictError, InvalidTransitionError] as const,
});

@ObjectType({ description: 'One line of a participant’s agenda.' })
export class AgendaLine {
  @Field(() => ID) meetingId!: string;
  @Field(() => Int) slot!: number;
  @Field(() => DateTimeISO) startsAt!: Date;
  @Field(() => DateTimeISO) endsAt!: Date;
  @Field(() => Int) table!: number;
  @Field(() => String) counterpartName!: string;
  @Field(() => String, { description: 'Contact person, phone and e-mail of the other side.' }) contact!: string;
}

@ObjectType({ description: 'One side of a meeting on a table sheet: who, and how to reach them.' })
export class TableSheetParty {
  @Field(() => ID) registrationId!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'Contact person, phone and e-mail.' }) contact!: string;
}

@ObjectType({ description: 'One slot of one table, for the staff member at that table.' })
export class TableSheetLine {
  @Field(() => Int) slot!: number;
  @Field(() => DateTimeISO) startsAt!: Date;
  @Field(() => DateTimeISO) endsAt!: Date;
  @Field(() => ID, { nullable: true }) meetingId!: string | null;
  @Field(() => String, { nullable: true, description: 'SCHEDULED, HELD or NO_SHOW; null for a free slot.' }) status!: string | null;
  @Field(() => TableSheetParty, { nullable: true }) a!: TableSheetParty | null;
  @Field(() => TableSheetParty, { nullable: true }) b!: TableSheetParty | null;
}

@ObjectType({ description: 'Where the latest scheduler run of a fair stands; staff only.' })
export class ScheduleProgress {
  @Field(() => String, { description: 'PREPARING, SOLVING, SAVING, DONE or FAILED.' }) phase!: string;
  @Field(() => Int, { description: 'Accepted requests handed to the scheduler.' }) requests!: number;
  @Field(() => Int) participants!: number;
  @Field(() => DateTimeISO) startedAt!: Date;
  @Field(() => DateTimeISO) updatedAt!: Date;
}

/**
 * The cache cannot tell on its own that a returned `DuplicateError` is an `ErrorResult`, so an
 * `... on ErrorResult { code }` selection would come back without its code and every refusal
 * would read as an unexpected problem. This lists which result types share the interface; a spec
 * keeps it equal to schema/schema.graphql.
 */
export const possibleTypes: Record<string, string[]> = {
  ErrorResult: [
    'CapacityFullError',
    'DuplicateError',
    'EmailTakenError',
    'InvalidCredentialsError',
    'InvalidTransitionError',
    'MassBalanceError',
    'MeetingConflictError',
    'MeetingNotLinkableError',
    'NeedNotOpenError',
    'NotParticipatingError',
    'NotVerifiedError',
    'RateLimitedError',
    'RegistrationClosedError',
    'RequestExpiredError',
    'ScheduleInputInvalidError',
    'SharesExceedQuantityError',
    'VersionConflictError',
  ],
};

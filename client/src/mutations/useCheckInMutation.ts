import { useMutation } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import { fairOutcome } from './fair-result';

const CheckInDocument = graphql(`
  mutation CheckIn($input: RegistrationRefInput!) {
    checkIn(input: $input) {
      __typename
      ... on FairRegistration {
        id
        checkedInAt
      }
      ... on ErrorResult {
        code
      }
    }
  }
`);

/** Staff mark a participant present at the event; the answer updates the cached registration in place. */
export function useCheckInMutation() {
  const [mutate, state] = useMutation(CheckInDocument);
  const run = (registrationId: string) =>
    fairOutcome(async () => (await mutate({ variables: { input: { registrationId } } })).data?.checkIn, 'FairRegistration');
  return [run, state] as const;
}

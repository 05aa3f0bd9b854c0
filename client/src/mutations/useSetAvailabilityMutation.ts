import { useMutation } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { SetAvailabilityInput } from '@cooplink/schema/types';
import { fairOutcome } from './fair-result';

const SetAvailabilityDocument = graphql(`
  mutation SetAvailability($input: SetAvailabilityInput!) {
    setAvailability(input: $input) {
      __typename
      ... on FairRegistration {
        id
        unavailableSlots
      }
      ... on ErrorResult {
        code
      }
    }
  }
`);

export function useSetAvailabilityMutation() {
  const [mutate, state] = useMutation(SetAvailabilityDocument, { refetchQueries: ['FairDetail', 'FairStaff', 'FairParticipant'] });
  const run = (input: SetAvailabilityInput) =>
    fairOutcome(async () => (await mutate({ variables: { input } })).data?.setAvailability, 'FairRegistration');
  return [run, state] as const;
}

import { useMutation } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { MoveMeetingInput } from '@cooplink/schema/types';
import { fairOutcome } from './fair-result';

const MoveMeetingDocument = graphql(`
  mutation MoveMeeting($input: MoveMeetingInput!) {
    moveMeeting(input: $input) {
      __typename
      ... on FairMeeting {
        id
        slot
        table
        locked
      }
      ... on MeetingConflictError {
        conflict
      }
      ... on ErrorResult {
        code
      }
    }
  }
`);

export function useMoveMeetingMutation() {
  const [mutate, state] = useMutation(MoveMeetingDocument, { refetchQueries: ['FairDetail', 'FairStaff', 'FairParticipant'] });
  const run = (input: MoveMeetingInput) =>
    fairOutcome(async () => (await mutate({ variables: { input } })).data?.moveMeeting, 'FairMeeting');
  return [run, state] as const;
}

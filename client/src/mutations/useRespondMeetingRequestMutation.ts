import { useMutation } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { RespondMeetingRequestInput } from '@cooplink/schema/types';
import { fairOutcome } from './fair-result';

const RespondMeetingRequestDocument = graphql(`
  mutation RespondMeetingRequest($input: RespondMeetingRequestInput!) {
    respondMeetingRequest(input: $input) {
      __typename
      ... on MeetingRequest {
        id
        status
      }
      ... on ErrorResult {
        code
      }
    }
  }
`);

export function useRespondMeetingRequestMutation() {
  const [mutate, state] = useMutation(RespondMeetingRequestDocument, { refetchQueries: ['FairDetail', 'FairStaff', 'FairParticipant'] });
  const run = (input: RespondMeetingRequestInput) =>
    fairOutcome(async () => (await mutate({ variables: { input } })).data?.respondMeetingRequest, 'MeetingRequest');
  return [run, state] as const;
}

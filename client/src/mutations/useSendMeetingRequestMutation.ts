import { useMutation } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { SendMeetingRequestInput } from '@cooplink/schema/types';
import { fairOutcome } from './fair-result';

const SendMeetingRequestDocument = graphql(`
  mutation SendMeetingRequest($input: SendMeetingRequestInput!) {
    sendMeetingRequest(input: $input) {
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

export function useSendMeetingRequestMutation() {
  const [mutate, state] = useMutation(SendMeetingRequestDocument, { refetchQueries: ['FairDetail', 'FairStaff', 'FairParticipant'] });
  const run = (input: SendMeetingRequestInput) =>
    fairOutcome(async () => (await mutate({ variables: { input } })).data?.sendMeetingRequest, 'MeetingRequest');
  return [run, state] as const;
}

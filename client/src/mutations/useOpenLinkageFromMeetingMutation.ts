import { useMutation } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import { fairOutcome } from './fair-result';

const OpenLinkageFromMeetingDocument = graphql(`
  mutation OpenLinkageFromMeeting($input: OpenLinkageFromMeetingInput!) {
    openLinkageFromMeeting(input: $input) {
      __typename
      ... on Linkage {
        id
        status
      }
      ... on ErrorResult {
        code
      }
    }
  }
`);

/** One click from a meeting to its linkage; a second click gets the same linkage back. */
export function useOpenLinkageFromMeetingMutation() {
  const [mutate, state] = useMutation(OpenLinkageFromMeetingDocument, { refetchQueries: ['FairMeetingPage', 'FairStaff'] });
  const run = (meetingId: string) =>
    fairOutcome(async () => (await mutate({ variables: { input: { meetingId } } })).data?.openLinkageFromMeeting, 'Linkage');
  return [run, state] as const;
}

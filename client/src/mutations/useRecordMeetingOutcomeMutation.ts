import { useMutation } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { RecordOutcomeInput } from '@cooplink/schema/types';
import { fairOutcome } from './fair-result';

const RecordMeetingOutcomeDocument = graphql(`
  mutation RecordMeetingOutcome($input: RecordOutcomeInput!) {
    recordMeetingOutcome(input: $input) {
      __typename
      ... on FairMeeting {
        id
        outcomeLevel
        outcomeNote
        agreementValue
      }
      ... on ErrorResult {
        code
      }
    }
  }
`);

export function useRecordMeetingOutcomeMutation() {
  const [mutate, state] = useMutation(RecordMeetingOutcomeDocument, { refetchQueries: ['FairMeetingPage', 'FairStaff'] });
  const run = (input: RecordOutcomeInput) =>
    fairOutcome(async () => (await mutate({ variables: { input } })).data?.recordMeetingOutcome, 'FairMeeting');
  return [run, state] as const;
}

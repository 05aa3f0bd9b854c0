import { useMutation } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { RecordAttendanceInput } from '@cooplink/schema/types';
import { fairOutcome } from './fair-result';

const RecordAttendanceDocument = graphql(`
  mutation RecordAttendance($input: RecordAttendanceInput!) {
    recordAttendance(input: $input) {
      __typename
      ... on FairMeeting {
        id
        status
        aAttended
        bAttended
      }
      ... on ErrorResult {
        code
      }
    }
  }
`);

export function useRecordAttendanceMutation() {
  const [mutate, state] = useMutation(RecordAttendanceDocument, { refetchQueries: ['FairMeetingPage', 'FairStaff'] });
  const run = (input: RecordAttendanceInput) =>
    fairOutcome(async () => (await mutate({ variables: { input } })).data?.recordAttendance, 'FairMeeting');
  return [run, state] as const;
}

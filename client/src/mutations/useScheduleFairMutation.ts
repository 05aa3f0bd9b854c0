import { useMutation } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import { fairOutcome } from './fair-result';

const ScheduleFairDocument = graphql(`
  mutation ScheduleFair($input: ScheduleFairInput!) {
    scheduleFair(input: $input) {
      __typename
      ... on ScheduleRun {
        ...ScheduleRunSummary_run
      }
      ... on ErrorResult {
        code
      }
    }
  }
`);

export function useScheduleFairMutation() {
  const [mutate, state] = useMutation(ScheduleFairDocument, { refetchQueries: ['FairStaff'] });
  const run = (fairId: string) =>
    fairOutcome(async () => (await mutate({ variables: { input: { fairId } } })).data?.scheduleFair, 'ScheduleRun');
  return [run, state] as const;
}

import { useMutation } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { TransitionFairInput } from '@cooplink/schema/types';
import { fairOutcome } from './fair-result';

const TransitionFairDocument = graphql(`
  mutation TransitionFair($input: TransitionFairInput!) {
    transitionFair(input: $input) {
      __typename
      ... on Fair {
        id
        status
        version
      }
      ... on ErrorResult {
        code
      }
    }
  }
`);

export function useTransitionFairMutation() {
  const [mutate, state] = useMutation(TransitionFairDocument, { refetchQueries: ['FairDetail', 'FairList'] });
  const run = (input: TransitionFairInput) =>
    fairOutcome(async () => (await mutate({ variables: { input } })).data?.transitionFair, 'Fair');
  return [run, state] as const;
}

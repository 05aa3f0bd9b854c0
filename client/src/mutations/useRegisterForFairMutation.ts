import { useMutation } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { RegisterForFairInput } from '@cooplink/schema/types';
import { fairOutcome } from './fair-result';

const RegisterForFairDocument = graphql(`
  mutation RegisterForFair($input: RegisterForFairInput!) {
    registerForFair(input: $input) {
      __typename
      ... on FairRegistration {
        id
        status
      }
      ... on ErrorResult {
        code
      }
    }
  }
`);

export function useRegisterForFairMutation() {
  const [mutate, state] = useMutation(RegisterForFairDocument, { refetchQueries: ['FairDetail', 'FairStaff', 'FairParticipant'] });
  const run = (input: RegisterForFairInput) =>
    fairOutcome(async () => (await mutate({ variables: { input } })).data?.registerForFair, 'FairRegistration');
  return [run, state] as const;
}

import { useMutation } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { CreateFairInput } from '@cooplink/schema/types';
import { fairOutcome } from './fair-result';

const CreateFairDocument = graphql(`
  mutation CreateFair($input: CreateFairInput!) {
    createFair(input: $input) {
      __typename
      id
    }
  }
`);

export function useCreateFairMutation() {
  const [mutate, state] = useMutation(CreateFairDocument, { refetchQueries: ['FairList'] });
  const run = (input: CreateFairInput) => fairOutcome(async () => (await mutate({ variables: { input } })).data?.createFair, 'Fair');
  return [run, state] as const;
}

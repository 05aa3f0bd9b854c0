import { useMutation } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { ReviewRegistrationInput } from '@cooplink/schema/types';
import { fairOutcome } from './fair-result';

const ReviewRegistrationDocument = graphql(`
  mutation ReviewRegistration($input: ReviewRegistrationInput!) {
    reviewRegistration(input: $input) {
      __typename
      ... on FairRegistration {
        id
        status
        boothNumber
      }
      ... on ErrorResult {
        code
      }
    }
  }
`);

export function useReviewRegistrationMutation() {
  const [mutate, state] = useMutation(ReviewRegistrationDocument, { refetchQueries: ['FairDetail', 'FairStaff', 'FairParticipant'] });
  const run = (input: ReviewRegistrationInput) =>
    fairOutcome(async () => (await mutate({ variables: { input } })).data?.reviewRegistration, 'FairRegistration');
  return [run, state] as const;
}

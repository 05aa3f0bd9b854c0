import { useMutation } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { AgreeLinkageInput } from '@cooplink/schema/types';
import { notify } from '../app/toast';
import type { Outcome } from './outcome';
import { failure, failureFrom } from './outcome';

const AgreeLinkageDocument = graphql(`
  mutation AgreeLinkage($input: AgreeLinkageInput!) {
    agreeLinkage(input: $input) {
      __typename
      ... on Linkage {
        id
        status
      }
      ... on InvalidTransitionError {
        code
      }
    }
  }
`);

export function useAgreeLinkageMutation() {
  const [mutate, state] = useMutation(AgreeLinkageDocument, { refetchQueries: ['LinkagePage'], awaitRefetchQueries: true });

  async function agreeLinkage(input: AgreeLinkageInput): Promise<Outcome<null>> {
    try {
      const { data } = await mutate({ variables: { input } });
      const result = data?.agreeLinkage;
      if (result?.__typename === 'Linkage') {
        notify('needs.agreementSaved');
        return { ok: true, data: null };
      }
      return failure(result?.__typename === 'InvalidTransitionError' ? 'INVALID_TRANSITION' : 'UNKNOWN');
    } catch (error) {
      return failureFrom(error);
    }
  }

  return [agreeLinkage, state] as const;
}

import { useMutation } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { LinkageStatus } from '@cooplink/schema/types';
import type { Outcome } from './outcome';
import { failure, failureFrom } from './outcome';

const MoveLinkageDocument = graphql(`
  mutation MoveLinkage($input: MoveLinkageInput!) {
    moveLinkage(input: $input) {
      __typename
      ... on Linkage {
        id
        status
        viewerSteps
        steps {
          id
          fromStatus
          toStatus
          at
          actor
          actorOrganization
        }
      }
      ... on InvalidTransitionError {
        code
      }
    }
  }
`);

export function useMoveLinkageMutation() {
  const [mutate, state] = useMutation(MoveLinkageDocument);

  async function moveLinkage(id: string, to: LinkageStatus): Promise<Outcome<null>> {
    try {
      const { data } = await mutate({ variables: { input: { id, to } } });
      const result = data?.moveLinkage;
      if (result?.__typename === 'Linkage') return { ok: true, data: null };
      return failure(result?.__typename === 'InvalidTransitionError' ? 'INVALID_TRANSITION' : 'UNKNOWN');
    } catch (error) {
      return failureFrom(error);
    }
  }

  return [moveLinkage, state] as const;
}

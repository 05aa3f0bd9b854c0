import { useMutation } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { NeedStatus } from '@cooplink/schema/types';
import { notify } from '../app/toast';
import type { Outcome } from './outcome';
import { failure, failureFrom } from './outcome';

const UpdateNeedStatusDocument = graphql(`
  mutation UpdateNeedStatus($input: UpdateNeedInput!) {
    updateNeed(input: $input) {
      __typename
      ... on Need {
        id
        status
        version
        updatedAt
      }
      ... on ErrorResult {
        code
      }
    }
  }
`);

/** Pauses, reopens, closes or marks a need fulfilled; the board and the owner's list refetch. */
export function useUpdateNeedStatusMutation() {
  const [mutate, state] = useMutation(UpdateNeedStatusDocument, { refetchQueries: ['MyNeeds', 'NeedsBoard'] });

  async function updateNeedStatus(id: string, version: number, status: NeedStatus): Promise<Outcome<null>> {
    try {
      const { data } = await mutate({ variables: { input: { id, version, status } } });
      switch (data?.updateNeed.__typename) {
        case 'Need':
          notify('needs.statusSaved');
          return { ok: true, data: null };
        case 'VersionConflictError':
          return failure('VERSION_CONFLICT');
        case 'InvalidTransitionError':
          return failure('INVALID_TRANSITION');
        default:
          return failure('UNKNOWN');
      }
    } catch (error) {
      return failureFrom(error);
    }
  }

  return [updateNeedStatus, state] as const;
}

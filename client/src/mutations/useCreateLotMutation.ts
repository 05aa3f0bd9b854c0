import { useMutation } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { CreateLotInput } from '@cooplink/schema/types';
import { notify } from '../app/toast';
import type { Outcome } from './outcome';
import { failure, failureFrom } from './outcome';

const CreateLotDocument = graphql(`
  mutation CreateLot($input: CreateLotInput!) {
    createLot(input: $input) {
      __typename
      ... on Lot {
        id
        code
      }
      ... on DuplicateError {
        code
        field
      }
    }
  }
`);

export function useCreateLotMutation() {
  const [mutate, state] = useMutation(CreateLotDocument, { refetchQueries: ['MyProductLots'] });

  async function createLot(input: CreateLotInput): Promise<Outcome<{ id: string; code: string }>> {
    try {
      const { data } = await mutate({ variables: { input } });
      const result = data?.createLot;
      switch (result?.__typename) {
        case 'Lot':
          notify('trace.lotCreated');
          return { ok: true, data: { id: result.id, code: result.code } };
        case 'DuplicateError':
          return failure('DUPLICATE', { field: result.field });
        default:
          return failure('UNKNOWN');
      }
    } catch (error) {
      return failureFrom(error);
    }
  }

  return [createLot, state] as const;
}

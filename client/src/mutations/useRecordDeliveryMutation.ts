import { useMutation } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { RecordDeliveryInput } from '@cooplink/schema/types';
import { notify } from '../app/toast';
import type { Outcome } from './outcome';
import { failure, failureFrom } from './outcome';

const RecordDeliveryDocument = graphql(`
  mutation RecordDelivery($input: RecordDeliveryInput!) {
    recordDelivery(input: $input) {
      __typename
      ... on Delivery {
        id
      }
      ... on InvalidTransitionError {
        code
      }
    }
  }
`);

export function useRecordDeliveryMutation() {
  const [mutate, state] = useMutation(RecordDeliveryDocument, { refetchQueries: ['LinkagePage'], awaitRefetchQueries: true });

  async function recordDelivery(input: RecordDeliveryInput): Promise<Outcome<null>> {
    try {
      const { data } = await mutate({ variables: { input } });
      const result = data?.recordDelivery;
      if (result?.__typename === 'Delivery') {
        notify('needs.deliverySaved');
        return { ok: true, data: null };
      }
      return failure(result?.__typename === 'InvalidTransitionError' ? 'INVALID_TRANSITION' : 'UNKNOWN');
    } catch (error) {
      return failureFrom(error);
    }
  }

  return [recordDelivery, state] as const;
}

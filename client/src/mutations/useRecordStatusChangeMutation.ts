import { useMutation } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { CooperativeStatus } from '@cooplink/schema/types';
import { notify } from '../app/toast';
import type { Outcome } from './outcome';
import { failure, failureFrom } from './outcome';

const RecordStatusChangeDocument = graphql(`
  mutation RecordStatusChange($input: RecordStatusChangeInput!) {
    recordStatusChange(input: $input) {
      __typename
      ... on Cooperative {
        id
        status
        version
      }
      ... on InvalidTransitionError {
        code
      }
    }
  }
`);

export interface StatusChangeValues {
  cooperativeId: string;
  status: CooperativeStatus;
  changedOn: string;
  reason: string;
}

export function useRecordStatusChangeMutation() {
  const [mutate, state] = useMutation(RecordStatusChangeDocument, { refetchQueries: ['StaffCooperative'] });

  async function recordStatusChange(input: StatusChangeValues): Promise<Outcome<null>> {
    try {
      const { data } = await mutate({ variables: { input } });
      const result = data?.recordStatusChange;
      if (!result) return failure('UNKNOWN');
      if (result.__typename === 'InvalidTransitionError') return failure('INVALID_TRANSITION');
      notify('oversight.staff.statusSaved');
      return { ok: true, data: null };
    } catch (error) {
      return failureFrom(error);
    }
  }

  return [recordStatusChange, state] as const;
}

import { useMutation } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { RecordTraceEventInput } from '@cooplink/schema/types';
import { notify } from '../app/toast';
import type { Outcome } from './outcome';
import { failure, failureFrom } from './outcome';

const RecordTraceEventDocument = graphql(`
  mutation RecordTraceEvent($input: RecordTraceEventInput!) {
    recordTraceEvent(input: $input) {
      __typename
      ... on TraceEvent {
        id
        seq
      }
      ... on MassBalanceError {
        code
      }
    }
  }
`);

export function useRecordTraceEventMutation() {
  const [mutate, state] = useMutation(RecordTraceEventDocument, { refetchQueries: ['MyProductLots'] });

  async function recordTraceEvent(input: RecordTraceEventInput): Promise<Outcome<{ id: string }>> {
    try {
      const { data } = await mutate({ variables: { input } });
      const result = data?.recordTraceEvent;
      switch (result?.__typename) {
        case 'TraceEvent':
          notify('trace.eventRecorded');
          return { ok: true, data: { id: result.id } };
        case 'MassBalanceError':
          return failure('MASS_BALANCE');
        default:
          return failure('UNKNOWN');
      }
    } catch (error) {
      return failureFrom(error);
    }
  }

  return [recordTraceEvent, state] as const;
}

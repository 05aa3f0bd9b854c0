import { useMutation } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import { notify } from '../app/toast';
import type { Outcome } from './outcome';
import { failure, failureFrom } from './outcome';

const RecordRatingDocument = graphql(`
  mutation RecordRating($input: RecordRatingInput!) {
    recordRating(input: $input) {
      id
      currentRating {
        year
        score
        ratingClass
      }
    }
  }
`);

export interface RatingValues {
  cooperativeId: string;
  year: number;
  score: number | null;
  notes: string;
}

export function useRecordRatingMutation() {
  const [mutate, state] = useMutation(RecordRatingDocument, { refetchQueries: ['StaffCooperative'] });

  async function recordRating(input: RatingValues): Promise<Outcome<null>> {
    try {
      const { data } = await mutate({ variables: { input } });
      if (!data?.recordRating) return failure('UNKNOWN');
      notify('oversight.staff.ratingSaved');
      return { ok: true, data: null };
    } catch (error) {
      return failureFrom(error);
    }
  }

  return [recordRating, state] as const;
}

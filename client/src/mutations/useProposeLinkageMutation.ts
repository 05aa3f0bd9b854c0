import { useMutation } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import { notify } from '../app/toast';
import type { Outcome } from './outcome';
import { failure, failureFrom } from './outcome';

const ProposeLinkageDocument = graphql(`
  mutation ProposeLinkage($input: ProposeLinkageInput!) {
    proposeLinkage(input: $input) {
      __typename
      ... on Linkage {
        id
        status
      }
      ... on ErrorResult {
        code
      }
    }
  }
`);

export function useProposeLinkageMutation() {
  const [mutate, state] = useMutation(ProposeLinkageDocument, { refetchQueries: ['MyLinkages', 'CooperativeInbox', 'NeedShortlist'] });

  async function proposeLinkage(input: {
    needId: string;
    cooperativeId: string;
    productId?: string | null;
    message?: string | null;
    /** A joint offer: every cooperative's share, the lead's included. */
    shares?: { cooperativeId: string; quantity: number }[] | null;
  }): Promise<Outcome<{ id: string }>> {
    try {
      const { data } = await mutate({ variables: { input } });
      const result = data?.proposeLinkage;
      switch (result?.__typename) {
        case 'Linkage':
          notify('needs.proposed');
          return { ok: true, data: { id: result.id } };
        case 'DuplicateError':
          return failure('DUPLICATE');
        case 'NeedNotOpenError':
          return failure('NEED_NOT_OPEN');
        case 'SharesExceedQuantityError':
          return failure('SHARES_EXCEED_QUANTITY');
        default:
          return failure('UNKNOWN');
      }
    } catch (error) {
      return failureFrom(error);
    }
  }

  return [proposeLinkage, state] as const;
}

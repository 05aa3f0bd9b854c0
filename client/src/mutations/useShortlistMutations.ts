import { useMutation } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { Outcome } from './outcome';
import { failure, failureFrom } from './outcome';

const ShortlistMatchDocument = graphql(`
  mutation ShortlistMatch($input: ShortlistMatchInput!) {
    shortlistMatch(input: $input) {
      __typename
      ... on ShortlistEntry {
        id
      }
      ... on ErrorResult {
        code
      }
    }
  }
`);

const RemoveShortlistEntryDocument = graphql(`
  mutation RemoveShortlistEntry($input: RemoveShortlistEntryInput!) {
    removeShortlistEntry(input: $input)
  }
`);

export function useShortlistMatchMutation() {
  const [mutate, state] = useMutation(ShortlistMatchDocument, { refetchQueries: ['NeedShortlist'], awaitRefetchQueries: true });

  async function shortlistMatch(input: { needId: string; cooperativeId: string; productId?: string | null }): Promise<Outcome<null>> {
    try {
      const { data } = await mutate({ variables: { input } });
      const result = data?.shortlistMatch;
      if (result?.__typename === 'ShortlistEntry') return { ok: true, data: null };
      return failure(result?.__typename === 'NeedNotOpenError' ? 'NEED_NOT_OPEN' : 'UNKNOWN');
    } catch (error) {
      return failureFrom(error);
    }
  }

  return [shortlistMatch, state] as const;
}

export function useRemoveShortlistEntryMutation() {
  const [mutate, state] = useMutation(RemoveShortlistEntryDocument, { refetchQueries: ['NeedShortlist'], awaitRefetchQueries: true });

  async function removeShortlistEntry(id: string): Promise<Outcome<null>> {
    try {
      await mutate({ variables: { input: { id } } });
      return { ok: true, data: null };
    } catch (error) {
      return failureFrom(error);
    }
  }

  return [removeShortlistEntry, state] as const;
}

import { useMutation } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { PostNeedInput } from '@cooplink/schema/types';
import { notify } from '../app/toast';
import type { Outcome } from './outcome';
import { failureFrom } from './outcome';

const PostNeedDocument = graphql(`
  mutation PostNeed($input: PostNeedInput!) {
    postNeed(input: $input) {
      id
      status
    }
  }
`);

export function usePostNeedMutation() {
  const [mutate, state] = useMutation(PostNeedDocument);

  async function postNeed(input: PostNeedInput): Promise<Outcome<{ id: string }>> {
    try {
      const { data } = await mutate({ variables: { input } });
      if (!data) return failureFrom(new Error('no data'));
      notify('needs.posted');
      return { ok: true, data: { id: data.postNeed.id } };
    } catch (error) {
      return failureFrom(error);
    }
  }

  return [postNeed, state] as const;
}

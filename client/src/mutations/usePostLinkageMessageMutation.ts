import { useMutation } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { Outcome } from './outcome';
import { failureFrom } from './outcome';

const PostLinkageMessageDocument = graphql(`
  mutation PostLinkageMessage($input: PostLinkageMessageInput!) {
    postLinkageMessage(input: $input) {
      id
      body
      author
      createdAt
    }
  }
`);

export function usePostLinkageMessageMutation() {
  const [mutate, state] = useMutation(PostLinkageMessageDocument, { refetchQueries: ['LinkagePage'] });

  async function postMessage(linkageId: string, body: string): Promise<Outcome<null>> {
    try {
      await mutate({ variables: { input: { linkageId, body } } });
      return { ok: true, data: null };
    } catch (error) {
      return failureFrom(error);
    }
  }

  return [postMessage, state] as const;
}

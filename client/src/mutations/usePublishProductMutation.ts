import { useApolloClient, useMutation } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import { notify } from '../app/toast';
import type { Outcome } from './outcome';
import { failure, failureFrom } from './outcome';
import { forgetProductLists } from './product-cache';

const PublishProductDocument = graphql(`
  mutation PublishProduct($input: ProductStatusInput!) {
    publishProduct(input: $input) {
      __typename
      ... on Product {
        id
        version
        status
        publishedAt
        updatedAt
        cooperative {
          id
        }
      }
      ... on VersionConflictError {
        code
      }
      ... on InvalidTransitionError {
        code
      }
      ... on NotVerifiedError {
        code
      }
    }
  }
`);

export function usePublishProductMutation() {
  const client = useApolloClient();
  const [mutate, state] = useMutation(PublishProductDocument);

  async function publishProduct(id: string, version: number): Promise<Outcome<{ version: number }>> {
    try {
      const { data } = await mutate({ variables: { input: { id, version } } });
      const result = data?.publishProduct;
      switch (result?.__typename) {
        case 'Product':
          forgetProductLists(client.cache, result.cooperative.id, false);
          notify('productForm.published');
          return { ok: true, data: { version: result.version } };
        case 'VersionConflictError':
          return failure('VERSION_CONFLICT');
        case 'InvalidTransitionError':
          return failure('INVALID_TRANSITION');
        case 'NotVerifiedError':
          return failure('NOT_VERIFIED');
        default:
          return failure('UNKNOWN');
      }
    } catch (error) {
      return failureFrom(error);
    }
  }

  return [publishProduct, state] as const;
}

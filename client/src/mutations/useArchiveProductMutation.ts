import { useApolloClient, useMutation } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import { notify } from '../app/toast';
import type { Outcome } from './outcome';
import { failure, failureFrom } from './outcome';
import { forgetProductLists } from './product-cache';

const ArchiveProductDocument = graphql(`
  mutation ArchiveProduct($input: ProductStatusInput!) {
    archiveProduct(input: $input) {
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

export function useArchiveProductMutation() {
  const client = useApolloClient();
  const [mutate, state] = useMutation(ArchiveProductDocument);

  async function archiveProduct(id: string, version: number): Promise<Outcome<{ version: number }>> {
    try {
      const { data } = await mutate({ variables: { input: { id, version } } });
      const result = data?.archiveProduct;
      switch (result?.__typename) {
        case 'Product':
          forgetProductLists(client.cache, result.cooperative.id, false);
          notify('productForm.archived');
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

  return [archiveProduct, state] as const;
}

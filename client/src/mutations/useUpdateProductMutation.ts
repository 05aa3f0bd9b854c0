import { useApolloClient, useMutation } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { UpdateProductInput } from '@cooplink/schema/types';
import { notify } from '../app/toast';
import type { Outcome } from './outcome';
import { failure, failureFrom } from './outcome';
import { forgetProductLists } from './product-cache';

const UpdateProductDocument = graphql(`
  mutation UpdateProduct($input: UpdateProductInput!) {
    updateProduct(input: $input) {
      __typename
      ... on Product {
        id
        version
        status
        cooperative {
          id
        }
        ...ProductForm_product
        ...MyProductRow_product
      }
      ... on VersionConflictError {
        code
        currentVersion
      }
    }
  }
`);

export function useUpdateProductMutation() {
  const client = useApolloClient();
  const [mutate, state] = useMutation(UpdateProductDocument);

  async function updateProduct(input: UpdateProductInput): Promise<Outcome<{ version: number }>> {
    try {
      const { data } = await mutate({ variables: { input } });
      const result = data?.updateProduct;
      switch (result?.__typename) {
        case 'Product':
          // The product itself is normalised and updates in place; lists may now sort or filter differently.
          forgetProductLists(client.cache, result.cooperative.id, false);
          notify('productForm.saved');
          return { ok: true, data: { version: result.version } };
        case 'VersionConflictError':
          return failure('VERSION_CONFLICT');
        default:
          return failure('UNKNOWN');
      }
    } catch (error) {
      return failureFrom(error);
    }
  }

  return [updateProduct, state] as const;
}

import { useApolloClient, useMutation } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { CreateProductInput } from '@cooplink/schema/types';
import { notify } from '../app/toast';
import type { Outcome } from './outcome';
import { failure, failureFrom } from './outcome';
import { forgetProductLists } from './product-cache';

const CreateProductDocument = graphql(`
  mutation CreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) {
      id
      version
      status
      cooperative {
        id
      }
    }
  }
`);

export function useCreateProductMutation() {
  const client = useApolloClient();
  const [mutate, state] = useMutation(CreateProductDocument);

  async function createProduct(input: CreateProductInput): Promise<Outcome<{ id: string }>> {
    try {
      const { data } = await mutate({ variables: { input } });
      const product = data?.createProduct;
      if (!product) return failure('UNKNOWN');
      forgetProductLists(client.cache, product.cooperative.id, true);
      notify('productForm.created');
      return { ok: true, data: { id: product.id } };
    } catch (error) {
      return failureFrom(error);
    }
  }

  return [createProduct, state] as const;
}

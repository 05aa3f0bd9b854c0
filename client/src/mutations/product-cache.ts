import type { ApolloCache } from '@apollo/client';

/**
 * Public product lists are filtered by status and sorted by fields an edit can
 * change, so they are dropped and refetched on next view rather than patched.
 * The owner's own list is dropped only when its membership changed (a new product).
 */
export function forgetProductLists(cache: ApolloCache, cooperativeId: string, ownerListToo: boolean): void {
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'products' });
  const id = cache.identify({ __typename: 'Cooperative', id: cooperativeId });
  if (id) {
    cache.modify({
      id,
      fields: {
        products(value, { storeFieldName, DELETE }) {
          const ownerList = storeFieldName.includes('"includeUnpublished":true');
          return ownerList && !ownerListToo ? value : DELETE;
        },
      },
    });
  }
  cache.gc();
}

import type { FieldMergeFunction, FieldReadFunction, TypePolicies } from '@apollo/client';

interface Connection {
  edges: readonly unknown[];
}

/** Cursor pages append; a first page (no `after`) replaces what was there. */
const mergeConnection: FieldMergeFunction<Connection> = (existing, incoming, { args }) =>
  existing && args?.['after'] ? { ...incoming, edges: [...existing.edges, ...incoming.edges] } : incoming;

/** A detail query can start from an entity that a list already put in the cache. */
function entityById(typename: string): FieldReadFunction {
  return (existing, { args, toReference }) => {
    const id: unknown = args?.['id'];
    return existing ?? (typeof id === 'string' ? toReference({ __typename: typename, id }) : undefined);
  };
}

export const typePolicies: TypePolicies = {
  Query: {
    fields: {
      products: { keyArgs: ['search', 'filter', 'sort', 'first'], merge: mergeConnection },
      verificationQueue: { keyArgs: false, merge: mergeConnection },
      product: { read: entityById('Product') },
      cooperative: { read: entityById('Cooperative') },
      business: { read: entityById('Business') },
    },
  },
  Cooperative: {
    fields: {
      products: { keyArgs: ['includeUnpublished', 'first'], merge: mergeConnection },
    },
  },
  User: {
    fields: { memberships: { merge: false } },
  },
  Area: { keyFields: ['code'] },
  Category: { keyFields: ['code'] },
  VerificationItem: { keyFields: ['kind', 'organizationId'] },
};

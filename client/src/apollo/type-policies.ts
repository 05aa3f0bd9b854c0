import type { FieldMergeFunction, TypePolicies } from '@apollo/client';

interface Connection {
  edges: readonly unknown[];
}

/** Cursor pages append; a first page (no `after`) replaces what was there. */
const mergeConnection: FieldMergeFunction<Connection> = (existing, incoming, { args }) =>
  existing && args?.['after'] ? { ...incoming, edges: [...existing.edges, ...incoming.edges] } : incoming;

export const typePolicies: TypePolicies = {
  Query: {
    fields: {
      products: { keyArgs: ['search', 'filter', 'sort', 'first'], merge: mergeConnection },
      verificationQueue: { keyArgs: false, merge: mergeConnection },
      auditLog: { keyArgs: ['filter'], merge: mergeConnection },
      needs: { keyArgs: ['filter', 'first'], merge: mergeConnection },
      myNeeds: { keyArgs: ['status', 'first'], merge: mergeConnection },
      myLinkages: { keyArgs: ['status', 'first'], merge: mergeConnection },
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

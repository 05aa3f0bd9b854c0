import type { Reference } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { OrganizationKind } from '@cooplink/schema/types';
import { notify } from '../app/toast';
import type { Outcome } from './outcome';
import { failure, failureFrom } from './outcome';

const VerifyOrganizationDocument = graphql(`
  mutation VerifyOrganization($input: VerifyOrganizationInput!) {
    verifyOrganization(input: $input) {
      __typename
      ... on Cooperative {
        id
        verified
        verifiedAt
      }
      ... on Business {
        id
        verified
        verifiedAt
      }
    }
  }
`);

interface QueueEdge {
  node: Reference;
}
interface QueueConnection {
  totalCount: number;
  edges: readonly QueueEdge[];
}

export function useVerifyOrganizationMutation() {
  const [mutate, state] = useMutation(VerifyOrganizationDocument);

  async function verifyOrganization(organizationId: string, kind: OrganizationKind, name: string): Promise<Outcome<null>> {
    try {
      const { data } = await mutate({
        variables: { input: { organizationId, kind } },
        update(cache) {
          // A verified organisation leaves the queue; removing it here spares a refetch on a slow link.
          cache.modify<{ verificationQueue: QueueConnection }>({
            id: 'ROOT_QUERY',
            fields: {
              verificationQueue(existing, { readField }) {
                if (!existing || typeof existing !== 'object' || !('edges' in existing)) return existing;
                const edges = existing.edges.filter((edge) => readField('organizationId', edge.node) !== organizationId);
                const removed = existing.edges.length - edges.length;
                return { ...existing, edges, totalCount: Math.max(0, existing.totalCount - removed) };
              },
            },
          });
        },
      });
      if (!data?.verifyOrganization) return failure('UNKNOWN');
      notify('verification.done', { name });
      return { ok: true, data: null };
    } catch (error) {
      return failureFrom(error);
    }
  }

  return [verifyOrganization, state] as const;
}

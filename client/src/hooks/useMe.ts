import { useQuery } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { MeQuery, Role } from '@cooplink/schema/types';
import { client } from '../apollo/client';
import { refreshSession, wasSignedIn } from '../apollo/session';

export const MeDocument = graphql(`
  query Me {
    me {
      id
      roles
      memberships {
        organizationId
        organizationKind
        organizationName
        role
      }
      ...UserMenu_user
    }
  }
`);

export type CurrentUser = NonNullable<MeQuery['me']>;

export function useMe(): { me: CurrentUser | null; loading: boolean } {
  const { data, loading } = useQuery(MeDocument);
  return { me: data?.me ?? null, loading };
}

export function hasRole(user: Pick<CurrentUser, 'roles'> | null, ...roles: Role[]): boolean {
  return user?.roles.some((r) => roles.includes(r)) ?? false;
}

/**
 * The signed-in user, renewing an expired access cookie once when this browser
 * signed in before. Anonymous visitors cost one small query and nothing more.
 */
export async function currentUser(): Promise<CurrentUser | null> {
  const first = await client.query({ query: MeDocument });
  if (first.data?.me) return first.data.me;
  if (!wasSignedIn() || !(await refreshSession())) return null;
  const second = await client.query({ query: MeDocument, fetchPolicy: 'network-only' });
  return second.data?.me ?? null;
}

export async function restoreSession(): Promise<void> {
  try {
    await currentUser();
  } catch {
    // Offline or server down: the header simply shows the signed-out state.
  }
}

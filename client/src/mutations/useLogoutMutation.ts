import { useApolloClient, useMutation } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import { markSignedIn } from '../apollo/session';
import { notify } from '../app/toast';

const LogoutDocument = graphql(`
  mutation Logout {
    logout
  }
`);

export function useLogoutMutation() {
  const client = useApolloClient();
  const [mutate, state] = useMutation(LogoutDocument);

  async function logout(): Promise<void> {
    try {
      await mutate();
    } catch {
      // An already expired session is as good as signed out; clear this browser either way.
    }
    markSignedIn(false);
    try {
      await client.resetStore();
    } catch {
      // Refetching public data can fail offline; the private data is gone regardless.
    }
    notify('auth.signedOut', undefined, 'info');
  }

  return [logout, state] as const;
}

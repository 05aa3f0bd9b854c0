import { useMutation } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import { markSignedIn } from '../apollo/session';

const LogoutDocument = graphql(`
  mutation Logout {
    logout
  }
`);

export function useLogoutMutation() {
  const [mutate, state] = useMutation(LogoutDocument);

  async function logout(): Promise<void> {
    try {
      await mutate();
    } catch {
      // An already expired session is as good as signed out; clear this browser either way.
    }
    markSignedIn(null);
    // A fresh page load is the one sure way to drop every private record held in
    // memory (drafts, contact details) without racing queries still in flight.
    window.location.assign('/');
  }

  return [logout, state] as const;
}

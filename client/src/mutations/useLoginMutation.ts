import { useApolloClient, useMutation } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { Role } from '@cooplink/schema/types';
import { markSignedIn } from '../apollo/session';
import type { Outcome } from './outcome';
import { failure, failureFrom } from './outcome';

const LoginDocument = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      __typename
      ... on AuthPayload {
        expiresAt
        user {
          id
          roles
        }
      }
      ... on InvalidCredentialsError {
        code
      }
      ... on RateLimitedError {
        code
        retryAfterSeconds
      }
    }
  }
`);

export function useLoginMutation() {
  const client = useApolloClient();
  const [mutate, state] = useMutation(LoginDocument);

  async function login(email: string, password: string): Promise<Outcome<{ roles: Role[] }>> {
    try {
      const { data } = await mutate({ variables: { input: { email: email.trim(), password } } });
      const result = data?.login;
      switch (result?.__typename) {
        case 'AuthPayload':
          markSignedIn(result.expiresAt);
          // What a signed-in user may see differs (drafts, contact details), so start the cache afresh.
          await client.resetStore();
          return { ok: true, data: { roles: result.user.roles } };
        case 'RateLimitedError':
          return failure('RATE_LIMITED', { retryAfterSeconds: result.retryAfterSeconds });
        case 'InvalidCredentialsError':
          return failure('INVALID_CREDENTIALS');
        default:
          return failure('UNKNOWN');
      }
    } catch (error) {
      return failureFrom(error);
    }
  }

  return [login, state] as const;
}

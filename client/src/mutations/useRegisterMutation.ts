import { useApolloClient, useMutation } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { RegisterInput, Role } from '@cooplink/schema/types';
import { markSignedIn } from '../apollo/session';
import type { Outcome } from './outcome';
import { failure, failureFrom } from './outcome';

const RegisterDocument = graphql(`
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      __typename
      ... on AuthPayload {
        expiresAt
        user {
          id
          roles
        }
      }
      ... on EmailTakenError {
        code
      }
      ... on DuplicateError {
        code
        field
      }
      ... on RateLimitedError {
        code
        retryAfterSeconds
      }
    }
  }
`);

export function useRegisterMutation() {
  const client = useApolloClient();
  const [mutate, state] = useMutation(RegisterDocument);

  async function register(input: RegisterInput): Promise<Outcome<{ roles: Role[] }>> {
    try {
      const { data } = await mutate({ variables: { input } });
      const result = data?.register;
      switch (result?.__typename) {
        case 'AuthPayload':
          markSignedIn(result.expiresAt);
          await client.resetStore();
          return { ok: true, data: { roles: result.user.roles } };
        case 'EmailTakenError':
          return failure('EMAIL_TAKEN', { fields: { email: 'emailTaken' } });
        case 'DuplicateError':
          return failure('DUPLICATE', { field: result.field });
        case 'RateLimitedError':
          return failure('RATE_LIMITED', { retryAfterSeconds: result.retryAfterSeconds });
        default:
          return failure('UNKNOWN');
      }
    } catch (error) {
      return failureFrom(error);
    }
  }

  return [register, state] as const;
}

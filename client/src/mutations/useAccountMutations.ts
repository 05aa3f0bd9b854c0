import { useMutation } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { Outcome } from './outcome';
import { failure, failureFrom } from './outcome';

const ChangePasswordDocument = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      __typename
      ... on PasswordChanged {
        signedOutSessions
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

const RevokeSessionDocument = graphql(`
  mutation RevokeSession($input: RevokeSessionInput!) {
    revokeSession(input: $input)
  }
`);

const SignOutOtherSessionsDocument = graphql(`
  mutation SignOutOtherSessions {
    signOutOtherSessions
  }
`);

/** The device list is read again after every change, so it always shows what the server holds. */
const refetchQueries = ['AccountSessions'];

export function useChangePasswordMutation() {
  const [mutate, state] = useMutation(ChangePasswordDocument, { refetchQueries });

  async function changePassword(currentPassword: string, newPassword: string): Promise<Outcome<{ signedOutSessions: number }>> {
    try {
      const { data } = await mutate({ variables: { input: { currentPassword, newPassword } } });
      const result = data?.changePassword;
      switch (result?.__typename) {
        case 'PasswordChanged':
          return { ok: true, data: { signedOutSessions: result.signedOutSessions } };
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

  return [changePassword, state] as const;
}

export function useRevokeSessionMutation() {
  const [mutate, state] = useMutation(RevokeSessionDocument, { refetchQueries });

  async function revoke(id: string): Promise<Outcome<true>> {
    try {
      await mutate({ variables: { input: { id } } });
      return { ok: true, data: true };
    } catch (error) {
      return failureFrom(error);
    }
  }

  return [revoke, state] as const;
}

export function useSignOutOtherSessionsMutation() {
  const [mutate, state] = useMutation(SignOutOtherSessionsDocument, { refetchQueries });

  async function signOutOthers(): Promise<Outcome<number>> {
    try {
      const { data } = await mutate();
      return { ok: true, data: data?.signOutOtherSessions ?? 0 };
    } catch (error) {
      return failureFrom(error);
    }
  }

  return [signOutOthers, state] as const;
}

/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation TRegister($input: RegisterInput!) {\n    register(input: $input) {\n      __typename\n      ... on AuthPayload { accessToken refreshToken user { id email roles memberships { organizationId organizationKind organizationName role } } }\n      ... on ErrorResult { code message }\n      ... on DuplicateError { field }\n    }\n  }\n": typeof types.TRegisterDocument,
    "\n  mutation TLogin($input: LoginInput!) {\n    login(input: $input) {\n      __typename\n      ... on AuthPayload { accessToken refreshToken expiresAt user { id email roles } }\n      ... on ErrorResult { code message }\n      ... on RateLimitedError { retryAfterSeconds }\n    }\n  }\n": typeof types.TLoginDocument,
    "\n  query TMe {\n    me { id email displayName roles memberships { organizationId organizationKind organizationName role } }\n  }\n": typeof types.TMeDocument,
    "\n  mutation TRefresh($input: RefreshInput) {\n    refreshSession(input: $input) {\n      __typename\n      ... on AuthPayload { accessToken refreshToken }\n      ... on ErrorResult { code }\n    }\n  }\n": typeof types.TRefreshDocument,
    "\n  mutation TLogout { logout }\n": typeof types.TLogoutDocument,
};
const documents: Documents = {
    "\n  mutation TRegister($input: RegisterInput!) {\n    register(input: $input) {\n      __typename\n      ... on AuthPayload { accessToken refreshToken user { id email roles memberships { organizationId organizationKind organizationName role } } }\n      ... on ErrorResult { code message }\n      ... on DuplicateError { field }\n    }\n  }\n": types.TRegisterDocument,
    "\n  mutation TLogin($input: LoginInput!) {\n    login(input: $input) {\n      __typename\n      ... on AuthPayload { accessToken refreshToken expiresAt user { id email roles } }\n      ... on ErrorResult { code message }\n      ... on RateLimitedError { retryAfterSeconds }\n    }\n  }\n": types.TLoginDocument,
    "\n  query TMe {\n    me { id email displayName roles memberships { organizationId organizationKind organizationName role } }\n  }\n": types.TMeDocument,
    "\n  mutation TRefresh($input: RefreshInput) {\n    refreshSession(input: $input) {\n      __typename\n      ... on AuthPayload { accessToken refreshToken }\n      ... on ErrorResult { code }\n    }\n  }\n": types.TRefreshDocument,
    "\n  mutation TLogout { logout }\n": types.TLogoutDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TRegister($input: RegisterInput!) {\n    register(input: $input) {\n      __typename\n      ... on AuthPayload { accessToken refreshToken user { id email roles memberships { organizationId organizationKind organizationName role } } }\n      ... on ErrorResult { code message }\n      ... on DuplicateError { field }\n    }\n  }\n"): (typeof documents)["\n  mutation TRegister($input: RegisterInput!) {\n    register(input: $input) {\n      __typename\n      ... on AuthPayload { accessToken refreshToken user { id email roles memberships { organizationId organizationKind organizationName role } } }\n      ... on ErrorResult { code message }\n      ... on DuplicateError { field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TLogin($input: LoginInput!) {\n    login(input: $input) {\n      __typename\n      ... on AuthPayload { accessToken refreshToken expiresAt user { id email roles } }\n      ... on ErrorResult { code message }\n      ... on RateLimitedError { retryAfterSeconds }\n    }\n  }\n"): (typeof documents)["\n  mutation TLogin($input: LoginInput!) {\n    login(input: $input) {\n      __typename\n      ... on AuthPayload { accessToken refreshToken expiresAt user { id email roles } }\n      ... on ErrorResult { code message }\n      ... on RateLimitedError { retryAfterSeconds }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TMe {\n    me { id email displayName roles memberships { organizationId organizationKind organizationName role } }\n  }\n"): (typeof documents)["\n  query TMe {\n    me { id email displayName roles memberships { organizationId organizationKind organizationName role } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TRefresh($input: RefreshInput) {\n    refreshSession(input: $input) {\n      __typename\n      ... on AuthPayload { accessToken refreshToken }\n      ... on ErrorResult { code }\n    }\n  }\n"): (typeof documents)["\n  mutation TRefresh($input: RefreshInput) {\n    refreshSession(input: $input) {\n      __typename\n      ... on AuthPayload { accessToken refreshToken }\n      ... on ErrorResult { code }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TLogout { logout }\n"): (typeof documents)["\n  mutation TLogout { logout }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type BusinessKind =
  | 'DISTRIBUTOR'
  | 'EXPORTER'
  | 'INPUT_SUPPLIER'
  | 'LOGISTICS'
  | 'PROCESSOR'
  | 'RETAILER';

export type CreateBusinessInput = {
  address?: string | null | undefined;
  areaCode: string;
  contactName?: string | null | undefined;
  description?: string | null | undefined;
  email?: string | null | undefined;
  kinds: Array<BusinessKind>;
  name: string;
  phone?: string | null | undefined;
  /** 10 digits, or 13 for a branch (0100109106-001). */
  taxCode: string;
  website?: string | null | undefined;
};

export type CreateCooperativeInput = {
  address?: string | null | undefined;
  /** Code of the commune or ward. */
  areaCode: string;
  charterCapital?: number | null | undefined;
  description?: string | null | undefined;
  email?: string | null | undefined;
  establishedOn: string;
  /** Official members; the 2023 law requires at least 5. */
  memberCount: number;
  name: string;
  phone?: string | null | undefined;
  /** Business registration number of the cooperative. */
  registrationNumber: string;
  sector: Sector;
  subsector: string;
};

export type LoginInput = {
  email: string;
  password: string;
};

export type MembershipRole =
  | 'EDITOR'
  | 'OWNER';

export type OrganizationKind =
  | 'BUSINESS'
  | 'COOPERATIVE';

export type RefreshInput = {
  /** API clients pass the refresh token; browsers send the cookie instead. */
  refreshToken?: string | null | undefined;
};

export type RegisterInput = {
  /** Register a company and represent it. */
  business?: CreateBusinessInput | null | undefined;
  /** Register a cooperative and manage it. */
  cooperative?: CreateCooperativeInput | null | undefined;
  displayName: string;
  email: string;
  locale?: string | null | undefined;
  /** At least 10 characters. */
  password: string;
  phone?: string | null | undefined;
};

export type Role =
  | 'ADMIN'
  | 'BUSINESS_REP'
  | 'COOP_MANAGER'
  | 'TRADE_STAFF';

export type Sector =
  | 'AGRICULTURE'
  | 'NON_AGRICULTURE';

export type TRegisterMutationVariables = Exact<{
  input: RegisterInput;
}>;


export type TRegisterMutation = { register:
    | { __typename: 'AuthPayload', accessToken: string, refreshToken: string, user: { id: string, email: string, roles: Array<Role>, memberships: Array<{ organizationId: string, organizationKind: OrganizationKind, organizationName: string, role: MembershipRole }> } }
    | { __typename: 'DuplicateError', code: string, message: string, field: string }
    | { __typename: 'EmailTakenError', code: string, message: string }
   };

export type TLoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type TLoginMutation = { login:
    | { __typename: 'AuthPayload', accessToken: string, refreshToken: string, expiresAt: string, user: { id: string, email: string, roles: Array<Role> } }
    | { __typename: 'InvalidCredentialsError', code: string, message: string }
    | { __typename: 'RateLimitedError', code: string, message: string, retryAfterSeconds: number }
   };

export type TMeQueryVariables = Exact<{ [key: string]: never; }>;


export type TMeQuery = { me: { id: string, email: string, displayName: string, roles: Array<Role>, memberships: Array<{ organizationId: string, organizationKind: OrganizationKind, organizationName: string, role: MembershipRole }> } | null };

export type TRefreshMutationVariables = Exact<{
  input?: RefreshInput | null | undefined;
}>;


export type TRefreshMutation = { refreshSession:
    | { __typename: 'AuthPayload', accessToken: string, refreshToken: string }
    | { __typename: 'InvalidCredentialsError', code: string }
   };

export type TLogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type TLogoutMutation = { logout: boolean };


export const TRegisterDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TRegister"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"register"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"memberships"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizationId"}},{"kind":"Field","name":{"kind":"Name","value":"organizationKind"}},{"kind":"Field","name":{"kind":"Name","value":"organizationName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DuplicateError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<TRegisterMutation, TRegisterMutationVariables>;
export const TLoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TLogin"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LoginInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RateLimitedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}}]}}]}}]} as unknown as DocumentNode<TLoginMutation, TLoginMutationVariables>;
export const TMeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"memberships"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizationId"}},{"kind":"Field","name":{"kind":"Name","value":"organizationKind"}},{"kind":"Field","name":{"kind":"Name","value":"organizationName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]}}]} as unknown as DocumentNode<TMeQuery, TMeQueryVariables>;
export const TRefreshDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TRefresh"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"RefreshInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refreshSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<TRefreshMutation, TRefreshMutationVariables>;
export const TLogoutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TLogout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logout"}}]}}]} as unknown as DocumentNode<TLogoutMutation, TLogoutMutationVariables>;
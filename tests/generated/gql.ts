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
    "\n  mutation TRegister($input: RegisterInput!) {\n    register(input: $input) {\n      __typename\n      ... on AuthPayload {\n        accessToken\n        refreshToken\n        user {\n          id\n          email\n          roles\n          memberships {\n            organizationId\n            organizationKind\n            organizationName\n            role\n          }\n        }\n      }\n      ... on ErrorResult {\n        code\n        message\n      }\n      ... on DuplicateError {\n        field\n      }\n    }\n  }\n": typeof types.TRegisterDocument,
    "\n  mutation TLogin($input: LoginInput!) {\n    login(input: $input) {\n      __typename\n      ... on AuthPayload {\n        accessToken\n        refreshToken\n        expiresAt\n        user {\n          id\n          email\n          roles\n        }\n      }\n      ... on ErrorResult {\n        code\n        message\n      }\n      ... on RateLimitedError {\n        retryAfterSeconds\n      }\n    }\n  }\n": typeof types.TLoginDocument,
    "\n  query TMe {\n    me {\n      id\n      email\n      displayName\n      roles\n      memberships {\n        organizationId\n        organizationKind\n        organizationName\n        role\n      }\n    }\n  }\n": typeof types.TMeDocument,
    "\n  mutation TRefresh($input: RefreshInput) {\n    refreshSession(input: $input) {\n      __typename\n      ... on AuthPayload {\n        accessToken\n        refreshToken\n      }\n      ... on ErrorResult {\n        code\n      }\n    }\n  }\n": typeof types.TRefreshDocument,
    "\n  mutation TLogout {\n    logout\n  }\n": typeof types.TLogoutDocument,
    "\n  query TCatalogue($search: String, $filter: ProductFilter, $sort: ProductSort, $first: Int, $after: String) {\n    products(search: $search, filter: $filter, sort: $sort, first: $first, after: $after) {\n      totalCount\n      edges { cursor node { id nameVi priceMin priceMax ocopStars cooperative { id sector area { code parentCode } } category { code } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.TCatalogueDocument,
    "\n  query TCatalogueFacets($search: String, $filter: ProductFilter) {\n    products(search: $search, filter: $filter, first: 1) {\n      totalCount\n      facets {\n        category { value count label labelEn }\n        area { value count label }\n        certification { value count }\n        ocopStars { value count }\n        sector { value count }\n      }\n    }\n  }\n": typeof types.TCatalogueFacetsDocument,
    "\n  query TCataloguePage($first: Int) {\n    products(first: $first, sort: NEWEST) {\n      edges {\n        node {\n          id nameVi nameEn unit priceMin priceMax ocopStars\n          cooperative { id name verified area { code name } district { name } currentRating { ratingClass } }\n          brand { name kind }\n          category { code nameVi nameEn }\n          certifications { scheme valid expiresOn }\n          images { url }\n        }\n      }\n    }\n  }\n": typeof types.TCataloguePageDocument,
    "\n  query TPlatformProducts { products(first: 1) { edges { node { id } } } }\n": typeof types.TPlatformProductsDocument,
    "\n  mutation TCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      id status version nameVi unit priceMin priceMax availableMonths ocopStars\n      brand { name kind registrationNumber }\n      certifications { scheme number issuer issuedOn expiresOn valid }\n      images { id url }\n      cooperative { id }\n    }\n  }\n": typeof types.TCreateProductDocument,
    "\n  mutation TUpdateProduct($input: UpdateProductInput!) {\n    updateProduct(input: $input) {\n      __typename\n      ... on Product { id version nameVi priceMin }\n      ... on VersionConflictError { code currentVersion }\n    }\n  }\n": typeof types.TUpdateProductDocument,
    "\n  mutation TPublishProduct($input: ProductStatusInput!) {\n    publishProduct(input: $input) {\n      __typename\n      ... on Product { id status version publishedAt }\n      ... on ErrorResult { code }\n      ... on InvalidTransitionError { from to }\n      ... on VersionConflictError { currentVersion }\n    }\n  }\n": typeof types.TPublishProductDocument,
    "\n  mutation TArchiveProduct($input: ProductStatusInput!) {\n    archiveProduct(input: $input) {\n      __typename\n      ... on Product { id status version }\n      ... on ErrorResult { code }\n    }\n  }\n": typeof types.TArchiveProductDocument,
    "\n  query TProductById($id: ID!) {\n    product(id: $id) { id nameVi status }\n  }\n": typeof types.TProductByIdDocument,
    "\n  query TSearchOwn($search: String) {\n    products(search: $search, first: 10) { totalCount edges { node { id nameVi } } }\n  }\n": typeof types.TSearchOwnDocument,
    "\n  query TVerificationQueue($first: Int) {\n    verificationQueue(first: $first) { totalCount edges { node { organizationId kind name area { code } } } pageInfo { hasNextPage } }\n  }\n": typeof types.TVerificationQueueDocument,
    "\n  mutation TVerifyOrganization($input: VerifyOrganizationInput!) {\n    verifyOrganization(input: $input) {\n      __typename\n      ... on Cooperative { id verified verifiedAt }\n      ... on Business { id verified }\n    }\n  }\n": typeof types.TVerifyOrganizationDocument,
    "\n  mutation TRecordRating($input: RecordRatingInput!) {\n    recordRating(input: $input) { id currentRating { year score ratingClass } ratings { year ratingClass } }\n  }\n": typeof types.TRecordRatingDocument,
    "\n  mutation TUpdateCooperative($input: UpdateCooperativeInput!) {\n    updateCooperative(input: $input) {\n      __typename\n      ... on Cooperative { id name memberCount version }\n      ... on VersionConflictError { code currentVersion }\n    }\n  }\n": typeof types.TUpdateCooperativeDocument,
    "\n  mutation TUpdateBusiness($input: UpdateBusinessInput!) {\n    updateBusiness(input: $input) {\n      __typename\n      ... on Business { id name version }\n      ... on VersionConflictError { code currentVersion }\n    }\n  }\n": typeof types.TUpdateBusinessDocument,
    "\n  mutation TCreateCooperative($input: CreateCooperativeInput!) {\n    createCooperative(input: $input) { __typename ... on Cooperative { id verified } ... on ErrorResult { code } }\n  }\n": typeof types.TCreateCooperativeDocument,
    "\n  mutation TCreateBusiness($input: CreateBusinessInput!) {\n    createBusiness(input: $input) { __typename ... on Business { id taxCode } ... on ErrorResult { code } }\n  }\n": typeof types.TCreateBusinessDocument,
    "\n  query TCooperativeProfile($id: ID!) {\n    cooperative(id: $id) { id name area { code kind } district { code name } verified currentRating { ratingClass } }\n  }\n": typeof types.TCooperativeProfileDocument,
    "\n  query TAreas($parentCode: String) {\n    areas(parentCode: $parentCode) { code name kind level parentCode validTo children { code } }\n  }\n": typeof types.TAreasDocument,
};
const documents: Documents = {
    "\n  mutation TRegister($input: RegisterInput!) {\n    register(input: $input) {\n      __typename\n      ... on AuthPayload {\n        accessToken\n        refreshToken\n        user {\n          id\n          email\n          roles\n          memberships {\n            organizationId\n            organizationKind\n            organizationName\n            role\n          }\n        }\n      }\n      ... on ErrorResult {\n        code\n        message\n      }\n      ... on DuplicateError {\n        field\n      }\n    }\n  }\n": types.TRegisterDocument,
    "\n  mutation TLogin($input: LoginInput!) {\n    login(input: $input) {\n      __typename\n      ... on AuthPayload {\n        accessToken\n        refreshToken\n        expiresAt\n        user {\n          id\n          email\n          roles\n        }\n      }\n      ... on ErrorResult {\n        code\n        message\n      }\n      ... on RateLimitedError {\n        retryAfterSeconds\n      }\n    }\n  }\n": types.TLoginDocument,
    "\n  query TMe {\n    me {\n      id\n      email\n      displayName\n      roles\n      memberships {\n        organizationId\n        organizationKind\n        organizationName\n        role\n      }\n    }\n  }\n": types.TMeDocument,
    "\n  mutation TRefresh($input: RefreshInput) {\n    refreshSession(input: $input) {\n      __typename\n      ... on AuthPayload {\n        accessToken\n        refreshToken\n      }\n      ... on ErrorResult {\n        code\n      }\n    }\n  }\n": types.TRefreshDocument,
    "\n  mutation TLogout {\n    logout\n  }\n": types.TLogoutDocument,
    "\n  query TCatalogue($search: String, $filter: ProductFilter, $sort: ProductSort, $first: Int, $after: String) {\n    products(search: $search, filter: $filter, sort: $sort, first: $first, after: $after) {\n      totalCount\n      edges { cursor node { id nameVi priceMin priceMax ocopStars cooperative { id sector area { code parentCode } } category { code } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.TCatalogueDocument,
    "\n  query TCatalogueFacets($search: String, $filter: ProductFilter) {\n    products(search: $search, filter: $filter, first: 1) {\n      totalCount\n      facets {\n        category { value count label labelEn }\n        area { value count label }\n        certification { value count }\n        ocopStars { value count }\n        sector { value count }\n      }\n    }\n  }\n": types.TCatalogueFacetsDocument,
    "\n  query TCataloguePage($first: Int) {\n    products(first: $first, sort: NEWEST) {\n      edges {\n        node {\n          id nameVi nameEn unit priceMin priceMax ocopStars\n          cooperative { id name verified area { code name } district { name } currentRating { ratingClass } }\n          brand { name kind }\n          category { code nameVi nameEn }\n          certifications { scheme valid expiresOn }\n          images { url }\n        }\n      }\n    }\n  }\n": types.TCataloguePageDocument,
    "\n  query TPlatformProducts { products(first: 1) { edges { node { id } } } }\n": types.TPlatformProductsDocument,
    "\n  mutation TCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      id status version nameVi unit priceMin priceMax availableMonths ocopStars\n      brand { name kind registrationNumber }\n      certifications { scheme number issuer issuedOn expiresOn valid }\n      images { id url }\n      cooperative { id }\n    }\n  }\n": types.TCreateProductDocument,
    "\n  mutation TUpdateProduct($input: UpdateProductInput!) {\n    updateProduct(input: $input) {\n      __typename\n      ... on Product { id version nameVi priceMin }\n      ... on VersionConflictError { code currentVersion }\n    }\n  }\n": types.TUpdateProductDocument,
    "\n  mutation TPublishProduct($input: ProductStatusInput!) {\n    publishProduct(input: $input) {\n      __typename\n      ... on Product { id status version publishedAt }\n      ... on ErrorResult { code }\n      ... on InvalidTransitionError { from to }\n      ... on VersionConflictError { currentVersion }\n    }\n  }\n": types.TPublishProductDocument,
    "\n  mutation TArchiveProduct($input: ProductStatusInput!) {\n    archiveProduct(input: $input) {\n      __typename\n      ... on Product { id status version }\n      ... on ErrorResult { code }\n    }\n  }\n": types.TArchiveProductDocument,
    "\n  query TProductById($id: ID!) {\n    product(id: $id) { id nameVi status }\n  }\n": types.TProductByIdDocument,
    "\n  query TSearchOwn($search: String) {\n    products(search: $search, first: 10) { totalCount edges { node { id nameVi } } }\n  }\n": types.TSearchOwnDocument,
    "\n  query TVerificationQueue($first: Int) {\n    verificationQueue(first: $first) { totalCount edges { node { organizationId kind name area { code } } } pageInfo { hasNextPage } }\n  }\n": types.TVerificationQueueDocument,
    "\n  mutation TVerifyOrganization($input: VerifyOrganizationInput!) {\n    verifyOrganization(input: $input) {\n      __typename\n      ... on Cooperative { id verified verifiedAt }\n      ... on Business { id verified }\n    }\n  }\n": types.TVerifyOrganizationDocument,
    "\n  mutation TRecordRating($input: RecordRatingInput!) {\n    recordRating(input: $input) { id currentRating { year score ratingClass } ratings { year ratingClass } }\n  }\n": types.TRecordRatingDocument,
    "\n  mutation TUpdateCooperative($input: UpdateCooperativeInput!) {\n    updateCooperative(input: $input) {\n      __typename\n      ... on Cooperative { id name memberCount version }\n      ... on VersionConflictError { code currentVersion }\n    }\n  }\n": types.TUpdateCooperativeDocument,
    "\n  mutation TUpdateBusiness($input: UpdateBusinessInput!) {\n    updateBusiness(input: $input) {\n      __typename\n      ... on Business { id name version }\n      ... on VersionConflictError { code currentVersion }\n    }\n  }\n": types.TUpdateBusinessDocument,
    "\n  mutation TCreateCooperative($input: CreateCooperativeInput!) {\n    createCooperative(input: $input) { __typename ... on Cooperative { id verified } ... on ErrorResult { code } }\n  }\n": types.TCreateCooperativeDocument,
    "\n  mutation TCreateBusiness($input: CreateBusinessInput!) {\n    createBusiness(input: $input) { __typename ... on Business { id taxCode } ... on ErrorResult { code } }\n  }\n": types.TCreateBusinessDocument,
    "\n  query TCooperativeProfile($id: ID!) {\n    cooperative(id: $id) { id name area { code kind } district { code name } verified currentRating { ratingClass } }\n  }\n": types.TCooperativeProfileDocument,
    "\n  query TAreas($parentCode: String) {\n    areas(parentCode: $parentCode) { code name kind level parentCode validTo children { code } }\n  }\n": types.TAreasDocument,
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
export function graphql(source: "\n  mutation TRegister($input: RegisterInput!) {\n    register(input: $input) {\n      __typename\n      ... on AuthPayload {\n        accessToken\n        refreshToken\n        user {\n          id\n          email\n          roles\n          memberships {\n            organizationId\n            organizationKind\n            organizationName\n            role\n          }\n        }\n      }\n      ... on ErrorResult {\n        code\n        message\n      }\n      ... on DuplicateError {\n        field\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation TRegister($input: RegisterInput!) {\n    register(input: $input) {\n      __typename\n      ... on AuthPayload {\n        accessToken\n        refreshToken\n        user {\n          id\n          email\n          roles\n          memberships {\n            organizationId\n            organizationKind\n            organizationName\n            role\n          }\n        }\n      }\n      ... on ErrorResult {\n        code\n        message\n      }\n      ... on DuplicateError {\n        field\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TLogin($input: LoginInput!) {\n    login(input: $input) {\n      __typename\n      ... on AuthPayload {\n        accessToken\n        refreshToken\n        expiresAt\n        user {\n          id\n          email\n          roles\n        }\n      }\n      ... on ErrorResult {\n        code\n        message\n      }\n      ... on RateLimitedError {\n        retryAfterSeconds\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation TLogin($input: LoginInput!) {\n    login(input: $input) {\n      __typename\n      ... on AuthPayload {\n        accessToken\n        refreshToken\n        expiresAt\n        user {\n          id\n          email\n          roles\n        }\n      }\n      ... on ErrorResult {\n        code\n        message\n      }\n      ... on RateLimitedError {\n        retryAfterSeconds\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TMe {\n    me {\n      id\n      email\n      displayName\n      roles\n      memberships {\n        organizationId\n        organizationKind\n        organizationName\n        role\n      }\n    }\n  }\n"): (typeof documents)["\n  query TMe {\n    me {\n      id\n      email\n      displayName\n      roles\n      memberships {\n        organizationId\n        organizationKind\n        organizationName\n        role\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TRefresh($input: RefreshInput) {\n    refreshSession(input: $input) {\n      __typename\n      ... on AuthPayload {\n        accessToken\n        refreshToken\n      }\n      ... on ErrorResult {\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation TRefresh($input: RefreshInput) {\n    refreshSession(input: $input) {\n      __typename\n      ... on AuthPayload {\n        accessToken\n        refreshToken\n      }\n      ... on ErrorResult {\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TLogout {\n    logout\n  }\n"): (typeof documents)["\n  mutation TLogout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TCatalogue($search: String, $filter: ProductFilter, $sort: ProductSort, $first: Int, $after: String) {\n    products(search: $search, filter: $filter, sort: $sort, first: $first, after: $after) {\n      totalCount\n      edges { cursor node { id nameVi priceMin priceMax ocopStars cooperative { id sector area { code parentCode } } category { code } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query TCatalogue($search: String, $filter: ProductFilter, $sort: ProductSort, $first: Int, $after: String) {\n    products(search: $search, filter: $filter, sort: $sort, first: $first, after: $after) {\n      totalCount\n      edges { cursor node { id nameVi priceMin priceMax ocopStars cooperative { id sector area { code parentCode } } category { code } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TCatalogueFacets($search: String, $filter: ProductFilter) {\n    products(search: $search, filter: $filter, first: 1) {\n      totalCount\n      facets {\n        category { value count label labelEn }\n        area { value count label }\n        certification { value count }\n        ocopStars { value count }\n        sector { value count }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TCatalogueFacets($search: String, $filter: ProductFilter) {\n    products(search: $search, filter: $filter, first: 1) {\n      totalCount\n      facets {\n        category { value count label labelEn }\n        area { value count label }\n        certification { value count }\n        ocopStars { value count }\n        sector { value count }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TCataloguePage($first: Int) {\n    products(first: $first, sort: NEWEST) {\n      edges {\n        node {\n          id nameVi nameEn unit priceMin priceMax ocopStars\n          cooperative { id name verified area { code name } district { name } currentRating { ratingClass } }\n          brand { name kind }\n          category { code nameVi nameEn }\n          certifications { scheme valid expiresOn }\n          images { url }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TCataloguePage($first: Int) {\n    products(first: $first, sort: NEWEST) {\n      edges {\n        node {\n          id nameVi nameEn unit priceMin priceMax ocopStars\n          cooperative { id name verified area { code name } district { name } currentRating { ratingClass } }\n          brand { name kind }\n          category { code nameVi nameEn }\n          certifications { scheme valid expiresOn }\n          images { url }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TPlatformProducts { products(first: 1) { edges { node { id } } } }\n"): (typeof documents)["\n  query TPlatformProducts { products(first: 1) { edges { node { id } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      id status version nameVi unit priceMin priceMax availableMonths ocopStars\n      brand { name kind registrationNumber }\n      certifications { scheme number issuer issuedOn expiresOn valid }\n      images { id url }\n      cooperative { id }\n    }\n  }\n"): (typeof documents)["\n  mutation TCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      id status version nameVi unit priceMin priceMax availableMonths ocopStars\n      brand { name kind registrationNumber }\n      certifications { scheme number issuer issuedOn expiresOn valid }\n      images { id url }\n      cooperative { id }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TUpdateProduct($input: UpdateProductInput!) {\n    updateProduct(input: $input) {\n      __typename\n      ... on Product { id version nameVi priceMin }\n      ... on VersionConflictError { code currentVersion }\n    }\n  }\n"): (typeof documents)["\n  mutation TUpdateProduct($input: UpdateProductInput!) {\n    updateProduct(input: $input) {\n      __typename\n      ... on Product { id version nameVi priceMin }\n      ... on VersionConflictError { code currentVersion }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TPublishProduct($input: ProductStatusInput!) {\n    publishProduct(input: $input) {\n      __typename\n      ... on Product { id status version publishedAt }\n      ... on ErrorResult { code }\n      ... on InvalidTransitionError { from to }\n      ... on VersionConflictError { currentVersion }\n    }\n  }\n"): (typeof documents)["\n  mutation TPublishProduct($input: ProductStatusInput!) {\n    publishProduct(input: $input) {\n      __typename\n      ... on Product { id status version publishedAt }\n      ... on ErrorResult { code }\n      ... on InvalidTransitionError { from to }\n      ... on VersionConflictError { currentVersion }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TArchiveProduct($input: ProductStatusInput!) {\n    archiveProduct(input: $input) {\n      __typename\n      ... on Product { id status version }\n      ... on ErrorResult { code }\n    }\n  }\n"): (typeof documents)["\n  mutation TArchiveProduct($input: ProductStatusInput!) {\n    archiveProduct(input: $input) {\n      __typename\n      ... on Product { id status version }\n      ... on ErrorResult { code }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TProductById($id: ID!) {\n    product(id: $id) { id nameVi status }\n  }\n"): (typeof documents)["\n  query TProductById($id: ID!) {\n    product(id: $id) { id nameVi status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TSearchOwn($search: String) {\n    products(search: $search, first: 10) { totalCount edges { node { id nameVi } } }\n  }\n"): (typeof documents)["\n  query TSearchOwn($search: String) {\n    products(search: $search, first: 10) { totalCount edges { node { id nameVi } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TVerificationQueue($first: Int) {\n    verificationQueue(first: $first) { totalCount edges { node { organizationId kind name area { code } } } pageInfo { hasNextPage } }\n  }\n"): (typeof documents)["\n  query TVerificationQueue($first: Int) {\n    verificationQueue(first: $first) { totalCount edges { node { organizationId kind name area { code } } } pageInfo { hasNextPage } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TVerifyOrganization($input: VerifyOrganizationInput!) {\n    verifyOrganization(input: $input) {\n      __typename\n      ... on Cooperative { id verified verifiedAt }\n      ... on Business { id verified }\n    }\n  }\n"): (typeof documents)["\n  mutation TVerifyOrganization($input: VerifyOrganizationInput!) {\n    verifyOrganization(input: $input) {\n      __typename\n      ... on Cooperative { id verified verifiedAt }\n      ... on Business { id verified }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TRecordRating($input: RecordRatingInput!) {\n    recordRating(input: $input) { id currentRating { year score ratingClass } ratings { year ratingClass } }\n  }\n"): (typeof documents)["\n  mutation TRecordRating($input: RecordRatingInput!) {\n    recordRating(input: $input) { id currentRating { year score ratingClass } ratings { year ratingClass } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TUpdateCooperative($input: UpdateCooperativeInput!) {\n    updateCooperative(input: $input) {\n      __typename\n      ... on Cooperative { id name memberCount version }\n      ... on VersionConflictError { code currentVersion }\n    }\n  }\n"): (typeof documents)["\n  mutation TUpdateCooperative($input: UpdateCooperativeInput!) {\n    updateCooperative(input: $input) {\n      __typename\n      ... on Cooperative { id name memberCount version }\n      ... on VersionConflictError { code currentVersion }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TUpdateBusiness($input: UpdateBusinessInput!) {\n    updateBusiness(input: $input) {\n      __typename\n      ... on Business { id name version }\n      ... on VersionConflictError { code currentVersion }\n    }\n  }\n"): (typeof documents)["\n  mutation TUpdateBusiness($input: UpdateBusinessInput!) {\n    updateBusiness(input: $input) {\n      __typename\n      ... on Business { id name version }\n      ... on VersionConflictError { code currentVersion }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TCreateCooperative($input: CreateCooperativeInput!) {\n    createCooperative(input: $input) { __typename ... on Cooperative { id verified } ... on ErrorResult { code } }\n  }\n"): (typeof documents)["\n  mutation TCreateCooperative($input: CreateCooperativeInput!) {\n    createCooperative(input: $input) { __typename ... on Cooperative { id verified } ... on ErrorResult { code } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TCreateBusiness($input: CreateBusinessInput!) {\n    createBusiness(input: $input) { __typename ... on Business { id taxCode } ... on ErrorResult { code } }\n  }\n"): (typeof documents)["\n  mutation TCreateBusiness($input: CreateBusinessInput!) {\n    createBusiness(input: $input) { __typename ... on Business { id taxCode } ... on ErrorResult { code } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TCooperativeProfile($id: ID!) {\n    cooperative(id: $id) { id name area { code kind } district { code name } verified currentRating { ratingClass } }\n  }\n"): (typeof documents)["\n  query TCooperativeProfile($id: ID!) {\n    cooperative(id: $id) { id name area { code kind } district { code name } verified currentRating { ratingClass } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TAreas($parentCode: String) {\n    areas(parentCode: $parentCode) { code name kind level parentCode validTo children { code } }\n  }\n"): (typeof documents)["\n  query TAreas($parentCode: String) {\n    areas(parentCode: $parentCode) { code name kind level parentCode validTo children { code } }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
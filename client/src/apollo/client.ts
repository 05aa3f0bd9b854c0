import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { createQueryPreloader } from '@apollo/client/react';
import { possibleTypes } from './possible-types';
import { freshSessionLink, refreshLink } from './refresh-link';
import { typePolicies } from './type-policies';

// The server keeps the session in an httpOnly cookie, so same-origin
// credentials are all the browser needs; it never sees a token.
const httpLink = new HttpLink({ uri: '/graphql', credentials: 'same-origin' });

export const client = new ApolloClient({
  link: ApolloLink.from([refreshLink, freshSessionLink, httpLink]),
  cache: new InMemoryCache({ typePolicies, possibleTypes }),
});

export const preloadQuery = createQueryPreloader(client);

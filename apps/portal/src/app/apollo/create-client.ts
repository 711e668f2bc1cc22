import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, type FieldPolicy, type Reference } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorLink } from '@apollo/client/link/error';
import { relayStylePagination } from '@apollo/client/utilities';
import { from, switchMap, throwError } from 'rxjs';
import { bearerHeader } from '../auth/session-store';
import { refreshSession, SESSION_OPERATIONS } from '../auth/session';

declare module '@apollo/client' {
  interface DefaultContext {
    /** Set on the single retry after a refresh, so a second UNAUTHENTICATED is final. */
    retriedAfterRefresh?: boolean;
  }
}

const isUnauthenticated = (error: unknown): boolean =>
  CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED');

/** Leaderboard pages: a page fetched `after` another adds its rows; any other change of arguments is a new list. */
const leaderboardPages: FieldPolicy<{ rows: readonly unknown[] }> = {
  keyArgs: ['sort', 'descending', 'month', 'filter'],
  merge(existing, incoming, { args }) {
    return existing && args?.['after'] ? { ...incoming, rows: [...existing.rows, ...incoming.rows] } : incoming;
  },
};

/** Reads organisations, programs and users by id from the cache when a list already loaded them. */
const readById = (typename: string): FieldPolicy<Reference> => ({
  read(existing, { args, toReference }) {
    if (existing) return existing;
    const id = args?.['id'];
    return typeof id === 'string' ? toReference({ __typename: typename, id }) : undefined;
  },
});

export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Query: {
        fields: {
          partners: relayStylePagination(['filter']),
          users: relayStylePagination(['filter']),
          invitations: relayStylePagination(['organisationId']),
          tierChanges: relayStylePagination(['filter']),
          auditLog: relayStylePagination(['filter']),
          dealRegistrations: relayStylePagination(['filter']),
          dealReviewQueue: relayStylePagination(['filter']),
          houseAccounts: relayStylePagination(['search']),
          leads: relayStylePagination(['filter']),
          notifications: relayStylePagination(['unreadOnly']),
          revenueMovements: relayStylePagination(['filter']),
          incentivePlans: relayStylePagination(['filter']),
          incentiveStatements: relayStylePagination(['filter']),
          pointsEntries: relayStylePagination(['organisationId', 'organisationWallet', 'userId']),
          rewards: relayStylePagination(),
          activities: relayStylePagination(['filter']),
          courseCompletions: relayStylePagination(['filter']),
          revenueLeaderboard: leaderboardPages,
          organisation: readById('Organisation'),
          program: readById('Program'),
          user: readById('User'),
        },
      },
      TierBenefits: { merge: true },
      TierStatus: { keyFields: false },
      // One set of rules per program.
      DealRules: { keyFields: ['programId'] },
    },
  });
}

export function createApolloClient(): ApolloClient {
  let client: ApolloClient | null = null;

  const retryAfterRefresh = new ErrorLink(({ error, operation, forward }) => {
    if (!client || !isUnauthenticated(error)) return;
    if (SESSION_OPERATIONS.has(operation.operationName ?? '') || operation.getContext().retriedAfterRefresh) return;
    const apollo = client;
    return from(refreshSession(apollo)).pipe(
      switchMap((refreshed) => {
        if (!refreshed) return throwError(() => error);
        operation.setContext({ retriedAfterRefresh: true });
        return forward(operation);
      }),
    );
  });

  // Runs for every attempt, so a retry after a refresh carries the new token.
  const auth = new ApolloLink((operation, forward) => {
    operation.setContext(({ headers }: { headers?: Record<string, string> }) => ({
      headers: { ...headers, ...bearerHeader() },
    }));
    return forward(operation);
  });

  const http = new HttpLink({ uri: '/graphql', credentials: 'same-origin' });

  client = new ApolloClient({
    link: ApolloLink.from([retryAfterRefresh, auth, http]),
    cache: createCache(),
  });
  return client;
}

import type { ApolloClient } from '@apollo/client';
import type { SessionUserFragment } from '../../gql/graphql';
import { MeDocument, RefreshSessionDocument, LogoutDocument } from './session.documents';
import { sessionStore } from './session-store';

export interface SessionPayload {
  accessToken: string;
  expiresAt: string;
  user: SessionUserFragment;
}

/** Operations that must never trigger the refresh-and-retry in the Apollo link. */
export const SESSION_OPERATIONS = new Set(['Login', 'RefreshSession', 'Logout', 'AcceptInvitation']);

export function startSession(client: ApolloClient, payload: SessionPayload): void {
  // `me` is answered from the login payload, so the first page needs no extra round trip.
  client.writeQuery({ query: MeDocument, data: { me: payload.user } });
  sessionStore.set({ accessToken: payload.accessToken, expiresAt: payload.expiresAt });
}

export async function endSession(client: ApolloClient): Promise<void> {
  sessionStore.set(null);
  await client.clearStore();
}

let refreshing: Promise<boolean> | null = null;

/**
 * Trades the httpOnly refresh cookie for a new access token. Concurrent callers share one request,
 * because the cookie rotates and a second use of the old one would be treated as token theft.
 */
export function refreshSession(client: ApolloClient): Promise<boolean> {
  refreshing ??= client
    .mutate({ mutation: RefreshSessionDocument, fetchPolicy: 'no-cache' })
    .then(({ data }) => {
      if (!data) return false;
      startSession(client, data.refreshSession);
      return true;
    })
    .catch(async () => {
      await endSession(client);
      return false;
    })
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

let restoring: Promise<boolean> | null = null;

/** Runs once per page load (StrictMode mounts effects twice). */
export function restoreSession(client: ApolloClient): Promise<boolean> {
  restoring ??= refreshSession(client);
  return restoring;
}

export async function signOut(client: ApolloClient): Promise<void> {
  try {
    await client.mutate({ mutation: LogoutDocument });
  } finally {
    await endSession(client);
  }
}

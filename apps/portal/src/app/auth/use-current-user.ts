import { useQuery } from '@apollo/client/react';
import type { SessionUserFragment } from '../../gql/graphql';
import { useAuthStatus } from './auth-context';
import { MeDocument } from './session.documents';

/** The signed-in user, from the Apollo cache (written at sign-in). */
export function useCurrentUser(): SessionUserFragment | undefined {
  const status = useAuthStatus();
  const { data } = useQuery(MeDocument, { skip: status !== 'signed-in' });
  return data?.me;
}

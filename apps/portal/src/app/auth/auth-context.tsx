import { useApolloClient } from '@apollo/client/react';
import { createContext, use, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { restoreSession } from './session';
import { sessionStore } from './session-store';

export type AuthStatus = 'restoring' | 'signed-in' | 'signed-out';

const AuthStatusContext = createContext<AuthStatus>('restoring');

/** Restores the session from the refresh cookie once, then follows the in-memory token. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const client = useApolloClient();
  const [restored, setRestored] = useState(false);
  const session = useSyncExternalStore(sessionStore.subscribe, sessionStore.get);

  useEffect(() => {
    let active = true;
    void restoreSession(client).finally(() => {
      if (active) setRestored(true);
    });
    return () => {
      active = false;
    };
  }, [client]);

  const status: AuthStatus = session ? 'signed-in' : restored ? 'signed-out' : 'restoring';
  return <AuthStatusContext value={status}>{children}</AuthStatusContext>;
}

export const useAuthStatus = (): AuthStatus => use(AuthStatusContext);

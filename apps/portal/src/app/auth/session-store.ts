/**
 * The access token lives in memory only: a reload loses it and the refresh cookie restores it.
 * Keeping it out of localStorage means injected scripts cannot read a long-lived credential.
 */
export interface AccessSession {
  accessToken: string;
  expiresAt: string;
}

let current: AccessSession | null = null;
const listeners = new Set<() => void>();

export const sessionStore = {
  get(): AccessSession | null {
    return current;
  },
  set(next: AccessSession | null): void {
    current = next;
    for (const listener of listeners) listener();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
};

export const bearerHeader = (): Record<string, string> => {
  const token = current?.accessToken;
  return token ? { authorization: `Bearer ${token}` } : {};
};

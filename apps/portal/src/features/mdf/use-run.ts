import type { ErrorLike } from '@apollo/client';
import { useState } from 'react';
import { asErrorLike } from '../../app/errors/graphql-errors';

/** The busy flag and the error of a dialog's mutation: `run` clears the error, awaits the action and keeps what it threw. */
export function useRun() {
  const [error, setError] = useState<ErrorLike | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(asErrorLike(caught));
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, run };
}

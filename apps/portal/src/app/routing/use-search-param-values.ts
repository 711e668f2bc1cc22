import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * List filters kept in the URL, so a filtered list can be shared and survives going back. Each key
 * reads as a string ('' when absent); setting '' removes the parameter.
 */
export function useSearchParamValues<K extends string>(
  keys: readonly K[],
): { values: Record<K, string>; set: (changes: Partial<Record<K, string>>) => void } {
  const [params, setParams] = useSearchParams();

  const values = useMemo(
    () => Object.fromEntries(keys.map((key) => [key, params.get(key) ?? ''])) as Record<K, string>,
    // Pass the keys as a module constant, so only a new URL makes new values.
    [keys, params],
  );

  const set = useCallback(
    (changes: Partial<Record<K, string>>) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(changes)) {
            if (typeof value === 'string' && value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  return { values, set };
}

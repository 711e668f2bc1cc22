import type { ErrorLike } from '@apollo/client';
import { useMemo } from 'react';
import { parseError, type ParsedError } from './graphql-errors';
import { useErrorMessage } from './use-error-message';

/** Translated messages per form field from a BAD_USER_INPUT answer. */
export function useFieldErrors(error: ErrorLike | null | undefined): {
  parsed: ParsedError | null;
  field: (name: string) => string | undefined;
} {
  const { detail } = useErrorMessage();
  const parsed = useMemo(() => parseError(error), [error]);
  return {
    parsed,
    field: (name: string) => {
      const messages = parsed?.fields[name];
      return messages && messages.length > 0 ? messages.map(detail).join(' ') : undefined;
    },
  };
}

import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParsedError } from './graphql-errors';
import { serverMessageKey } from './server-messages';

/** Turns an API error into a sentence in the user's language that says what to do next. */
export function useErrorMessage(): {
  summary: (error: ParsedError) => string;
  detail: (message: string) => string;
} {
  const { t } = useTranslation();
  const detail = useCallback(
    (message: string): string => {
      const key = serverMessageKey(message);
      return key ? t(`serverMessages.${key}`) : message;
    },
    [t],
  );
  const summary = useCallback(
    (error: ParsedError): string => {
      switch (error.code) {
        case 'CONFLICT':
        case 'NOT_FOUND':
          // These carry a specific, actionable server message.
          return detail(error.message);
        case 'UNAUTHENTICATED':
          return serverMessageKey(error.message) ? detail(error.message) : t('errors.UNAUTHENTICATED');
        default:
          return t(`errors.${error.code}`);
      }
    },
    [t, detail],
  );
  return { summary, detail };
}

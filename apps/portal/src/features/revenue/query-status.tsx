import type { ErrorLike } from '@apollo/client';
import { Center, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/errors/error-alert';

interface QueryStatusProps {
  error: ErrorLike | undefined;
  onRetry: () => void;
  /** Nothing to show yet: a spinner. */
  waiting: boolean;
  /** Loaded with nothing in it: this sentence (false while there is something to show). */
  empty?: string | false;
  emptyTestId?: string;
}

/** What a revenue block shows instead of its figures: the error with a retry, a spinner, or that there is nothing. */
export function QueryStatus({ error, onRetry, waiting, empty = false, emptyTestId }: QueryStatusProps) {
  const { t } = useTranslation();
  return (
    <>
      <ErrorAlert error={error} onRetry={onRetry} />
      {waiting ? (
        <Center p="md">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : null}
      {empty ? (
        <Text size="sm" data-testid={emptyTestId}>
          {empty}
        </Text>
      ) : null}
    </>
  );
}

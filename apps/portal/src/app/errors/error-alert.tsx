import type { ErrorLike } from '@apollo/client';
import { Alert, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { parseError } from './graphql-errors';
import { useErrorMessage } from './use-error-message';

interface ErrorAlertProps {
  error: ErrorLike | null | undefined;
  onRetry?: () => void;
}

/** The standard way to show a failed query or mutation. */
export function ErrorAlert({ error, onRetry }: ErrorAlertProps) {
  const { t } = useTranslation();
  const { summary } = useErrorMessage();
  const parsed = parseError(error);
  if (!parsed) return null;
  return (
    <Alert color="red" role="alert" title={t('errors.title')}>
      {summary(parsed)}
      {onRetry && parsed.code !== 'FORBIDDEN' && parsed.code !== 'NOT_FOUND' ? (
        <Button variant="light" color="red" size="xs" mt="sm" display="block" onClick={onRetry}>
          {t('actions.retry')}
        </Button>
      ) : null}
    </Alert>
  );
}

import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ParsedError } from './graphql-errors';
import { useErrorMessage } from './use-error-message';

/** The line above a form after a failed save: "check the fields" when fields carry messages, else what went wrong. */
export function FormErrorSummary({ parsed }: { parsed: ParsedError | null }) {
  const { t } = useTranslation();
  const { summary } = useErrorMessage();
  if (!parsed) return null;
  const hasFieldErrors = Object.keys(parsed.fields).length > 0;
  return (
    <Alert color="red" role="alert">
      {hasFieldErrors ? t('errors.checkFields') : summary(parsed)}
    </Alert>
  );
}

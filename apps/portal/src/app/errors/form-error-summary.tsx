import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ParsedError } from './graphql-errors';
import { useErrorMessage } from './use-error-message';

interface FormErrorSummaryProps {
  parsed: ParsedError | null;
  /**
   * Which field paths the form shows under an input. Messages for other paths (a field the form
   * has no input for) are listed in the summary, so none is lost. Left out: every field is shown.
   */
  isShown?: (field: string) => boolean;
}

/** The line above a form after a failed save: "check the fields" when fields carry messages, else what went wrong. */
export function FormErrorSummary({ parsed, isShown }: FormErrorSummaryProps) {
  const { t } = useTranslation();
  const { summary, detail } = useErrorMessage();
  if (!parsed) return null;
  const fields = Object.keys(parsed.fields);
  const shown = isShown ? fields.filter(isShown) : fields;
  const unshown = fields.filter((f) => !shown.includes(f)).flatMap((f) => parsed.fields[f] ?? []);
  return (
    <Alert color="red" role="alert">
      {shown.length > 0 ? t('errors.checkFields') : summary(parsed)}
      {unshown.length > 0 ? (
        <List size="sm" mt={4}>
          {unshown.map((message) => (
            <List.Item key={message}>{detail(message)}</List.Item>
          ))}
        </List>
      ) : null}
    </Alert>
  );
}

import type { ErrorLike } from '@apollo/client';
import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { asErrorLike } from '../errors/graphql-errors';
import { useErrorMessage } from '../errors/use-error-message';
import { useFieldErrors } from '../errors/use-field-errors';

interface ReasonFormProps {
  /** What is being decided, shown above the text field. */
  intro?: ReactNode;
  label: string;
  /** When set, an empty text is refused with this message; otherwise the text is optional. */
  requiredMessage?: string;
  submitLabel: string;
  color?: string;
  /** Name of the argument in the API's field errors ("reason", "note"). */
  fieldName?: string;
  /** Prefix of the data-testid attributes: `<prefix>-form`, `<prefix>-reason`, `<prefix>-submit`. */
  testId: string;
  /** Runs the mutation with the trimmed text (undefined when left empty). */
  run: (reason: string | undefined) => Promise<unknown>;
  onDone: () => void;
}

/** A dialog form with one text field: a reason, a note or a question for the other side. */
export function ReasonForm({ intro, label, requiredMessage, submitLabel, color, fieldName = 'reason', testId, run, onDone }: ReasonFormProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorLike | null>(null);
  const { parsed, field } = useFieldErrors(error);
  const { summary } = useErrorMessage();

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTouched(true);
    const trimmed = reason.trim();
    if (requiredMessage && trimmed === '') return;
    setBusy(true);
    setError(null);
    try {
      await run(trimmed || undefined);
      onDone();
    } catch (caught) {
      setError(asErrorLike(caught));
    } finally {
      setBusy(false);
    }
  };

  const missing = requiredMessage && touched && reason.trim() === '' ? requiredMessage : undefined;
  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate data-testid={`${testId}-form`}>
      <Stack gap="md">
        {intro ? <Text size="sm">{intro}</Text> : null}
        {parsed && !field(fieldName) ? (
          <Alert color="red" role="alert">
            {summary(parsed)}
          </Alert>
        ) : null}
        <Textarea
          label={label}
          required={Boolean(requiredMessage)}
          autosize
          minRows={2}
          maxLength={1000}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={missing ?? field(fieldName)}
          data-testid={`${testId}-reason`}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" color={color} loading={busy} data-testid={`${testId}-submit`}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

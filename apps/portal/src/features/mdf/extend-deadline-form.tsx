import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../app/errors/use-error-message';
import { useFieldErrors } from '../../app/errors/use-field-errors';
import { ExtendMdfClaimDeadlineDocument } from '../mdf-reviews/mdf-reviews.documents';
import { MDF_REFETCH } from './mdf-decisions';
import { useRun } from './use-run';

/** A channel manager grants a later claim deadline, with the reason kept in the timeline. */
export function ExtendDeadlineForm({ requestId, current, onDone }: { requestId: string; current: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { summary } = useErrorMessage();
  const [extend] = useMutation(ExtendMdfClaimDeadlineDocument, { refetchQueries: MDF_REFETCH, awaitRefetchQueries: true });
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const { error, busy, run } = useRun();
  const { parsed, field } = useFieldErrors(error);

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTouched(true);
    if (!until || !reason.trim()) return;
    await run(async () => {
      await extend({ variables: { id: requestId, until, reason: reason.trim() } });
      onDone();
    });
  };

  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate data-testid="extend-form">
      <Stack gap="md">
        {parsed && !field('until') && !field('reason') ? (
          <Alert color="red" role="alert">
            {summary(parsed)}
          </Alert>
        ) : null}
        <TextInput
          type="date"
          label={t('mdf.request.extendUntil')}
          required
          min={current}
          value={until}
          onChange={(event) => setUntil(event.currentTarget.value)}
          error={touched && !until ? t('mdf.requestForm.required') : field('until')}
          data-testid="extend-until"
        />
        <Textarea
          label={t('mdf.request.extendReason')}
          required
          autosize
          minRows={2}
          maxLength={5000}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={touched && !reason.trim() ? t('mdf.decide.reasonRequired') : field('reason')}
          data-testid="extend-reason"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" loading={busy} data-testid="extend-submit">
            {t('mdf.request.extend')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

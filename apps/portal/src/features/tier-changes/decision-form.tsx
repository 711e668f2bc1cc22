import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../app/errors/use-error-message';
import { useFieldErrors } from '../../app/errors/use-field-errors';
import { ApproveTierChangeDocument, RejectTierChangeDocument } from './tier-changes.documents';

export type Decision = 'approve' | 'reject';

interface DecisionFormProps {
  changeId: string;
  decision: Decision;
  summaryText: string;
  onDone: () => void;
}

/** Approving takes an optional reason; rejecting needs one. */
export function DecisionForm({ changeId, decision, summaryText, onDone }: DecisionFormProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const options = { refetchQueries: ['TierChanges'], awaitRefetchQueries: true };
  const [approve, approving] = useMutation(ApproveTierChangeDocument, options);
  const [reject, rejecting] = useMutation(RejectTierChangeDocument, options);
  const state = decision === 'approve' ? approving : rejecting;
  const { parsed, field } = useFieldErrors(state.error);
  const { summary } = useErrorMessage();
  const reasonRequired = decision === 'reject';

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTouched(true);
    const trimmed = reason.trim();
    if (reasonRequired && trimmed === '') return;
    try {
      if (decision === 'approve') await approve({ variables: { input: { id: changeId, reason: trimmed || undefined } } });
      else await reject({ variables: { input: { id: changeId, reason: trimmed } } });
      onDone();
    } catch {
      // Shown from the hook's `error`.
    }
  };

  const missingReason = reasonRequired && touched && reason.trim() === '' ? t('decision.reasonRequired') : undefined;
  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate data-testid="decision-form">
      <Stack gap="md">
        <Text size="sm">{summaryText}</Text>
        {parsed && !field('reason') ? (
          <Alert color="red" role="alert">
            {summary(parsed)}
          </Alert>
        ) : null}
        <Textarea
          label={reasonRequired ? t('decision.reason') : t('decision.reasonOptional')}
          required={reasonRequired}
          autosize
          minRows={2}
          maxLength={1000}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={missingReason ?? field('reason')}
          data-testid="decision-reason"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" color={decision === 'approve' ? 'teal' : 'red'} loading={state.loading} data-testid="decision-submit">
            {decision === 'approve' ? t('decision.approve') : t('decision.reject')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

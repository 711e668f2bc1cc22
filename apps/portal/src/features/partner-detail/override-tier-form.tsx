import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Select, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../app/errors/use-error-message';
import { useFieldErrors } from '../../app/errors/use-field-errors';
import type { PartnerDetailQuery } from '../../gql/graphql';
import { OverrideTierDocument } from './partner-detail.documents';

type Enrolment = PartnerDetailQuery['organisation']['enrolments'][number];

export function OverrideTierForm({ enrolment, onDone }: { enrolment: Enrolment; onDone: () => void }) {
  const { t } = useTranslation();
  const [tierId, setTierId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [override, { loading, error }] = useMutation(OverrideTierDocument, {
    refetchQueries: ['PartnerDetail', 'PartnerTierHistory', 'TierChanges'],
    awaitRefetchQueries: true,
  });
  const { parsed, field } = useFieldErrors(error);
  const { summary } = useErrorMessage();

  const options = [...enrolment.program.tiers]
    .sort((a, b) => a.rank - b.rank)
    .filter((tier) => tier.id !== enrolment.tier.id)
    .map((tier) => ({ value: tier.id, label: tier.name }));

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTouched(true);
    if (!tierId || reason.trim() === '') return;
    try {
      await override({ variables: { input: { enrolmentId: enrolment.id, tierId, reason: reason.trim() } } });
      onDone();
    } catch {
      // Shown from the hook's `error`.
    }
  };

  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate>
      <Stack gap="md">
        {parsed && !field('tierId') && !field('reason') ? (
          <Alert color="red" role="alert">
            {summary(parsed)}
          </Alert>
        ) : null}
        <Select
          label={t('override.tier')}
          description={t('override.current', { tier: enrolment.tier.name })}
          required
          data={options}
          value={tierId}
          onChange={setTierId}
          error={(touched && !tierId ? t('override.tierRequired') : undefined) ?? field('tierId')}
        />
        <Textarea
          label={t('override.reason')}
          required
          autosize
          minRows={2}
          maxLength={1000}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={(touched && reason.trim() === '' ? t('override.reasonRequired') : undefined) ?? field('reason')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" loading={loading} color="orange">
            {t('override.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

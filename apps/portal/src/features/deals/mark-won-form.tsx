import { useMutation } from '@apollo/client/react';
import { Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorSummary } from '../../app/errors/form-error-summary';
import { useFieldErrors } from '../../app/errors/use-field-errors';
import type { DealDetailFragment } from '../../gql/graphql';
import { normaliseDecimal } from '../programs/decimal-input';
import { MarkDealWonDocument } from './deals.documents';

/** Today as the API counts it (UTC), the latest close date it accepts for a won deal. */
const todayUtc = (): string => new Date().toISOString().slice(0, 10);

/** Records the win with what was really sold; the estimates are the starting point. */
export function MarkWonForm({ deal, onDone }: { deal: DealDetailFragment; onDone: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState({ actualMrr: deal.estimatedMrr, actualOneTime: deal.estimatedOneTime, closeDate: todayUtc() });
  const [markWon, { loading, error }] = useMutation(MarkDealWonDocument);
  const { parsed, field } = useFieldErrors(error);
  const set = (key: keyof typeof values, value: string) => setValues((v) => ({ ...v, [key]: value }));

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    try {
      await markWon({
        variables: {
          id: deal.id,
          input: { actualMrr: normaliseDecimal(values.actualMrr) || '0', actualOneTime: normaliseDecimal(values.actualOneTime) || '0', closeDate: values.closeDate },
        },
      });
      onDone();
    } catch {
      // Field messages and the summary come from the hook's `error`.
    }
  };

  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate data-testid="mark-won-form">
      <Stack gap="md">
        <FormErrorSummary parsed={parsed} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label={t('dealDetail.actualMrr')}
            inputMode="decimal"
            rightSection={deal.currency}
            rightSectionWidth={48}
            value={values.actualMrr}
            onChange={(event) => set('actualMrr', event.currentTarget.value)}
            error={field('actualMrr')}
            data-testid="won-mrr"
          />
          <TextInput
            label={t('dealDetail.actualOneTime')}
            inputMode="decimal"
            rightSection={deal.currency}
            rightSectionWidth={48}
            value={values.actualOneTime}
            onChange={(event) => set('actualOneTime', event.currentTarget.value)}
            error={field('actualOneTime')}
            data-testid="won-one-time"
          />
          <TextInput
            type="date"
            label={t('dealDetail.actualCloseDate')}
            required
            max={todayUtc()}
            value={values.closeDate}
            onChange={(event) => set('closeDate', event.currentTarget.value)}
            error={field('closeDate')}
            data-testid="won-close-date"
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" color="green" loading={loading} data-testid="won-submit">
            {t('dealActions.markWon')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

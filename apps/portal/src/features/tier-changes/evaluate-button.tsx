import { useMutation } from '@apollo/client/react';
import { Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/errors/error-alert';
import { EvaluateTiersDocument } from './tier-changes.documents';

export function EvaluateButton() {
  const { t } = useTranslation();
  const [result, setResult] = useState<number | null>(null);
  const [evaluate, { loading, error }] = useMutation(EvaluateTiersDocument, {
    refetchQueries: ['TierChanges'],
    awaitRefetchQueries: true,
  });
  const run = async () => {
    setResult(null);
    try {
      const { data } = await evaluate();
      if (data) setResult(data.evaluateTiers);
    } catch {
      // Shown below from the hook's `error`.
    }
  };
  return (
    <Stack gap={4} align="flex-end">
      <Button onClick={() => void run()} loading={loading} data-testid="evaluate-tiers">
        {t('tierChanges.evaluate')}
      </Button>
      <Text size="xs" c="dimmed" role="status" aria-live="polite">
        {result === null ? '' : t('tierChanges.evaluated', { count: result })}
      </Text>
      <ErrorAlert error={error} />
    </Stack>
  );
}

import { useApolloClient } from '@apollo/client/react';
import { Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnerFilter } from '../../gql/graphql';
import { ExportError, exportPartnersCsv } from './export-partners-csv';

export function ExportButton({ filter }: { filter: PartnerFilter }) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const handleClick = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const filename = await exportPartnersCsv(client, filter);
      setMessage({ kind: 'ok', text: t('partners.exportDone', { filename }) });
    } catch (error) {
      const status = error instanceof ExportError ? error.status : 0;
      const key = status === 403 ? 'errors.FORBIDDEN' : status === 401 ? 'errors.UNAUTHENTICATED' : status === 429 ? 'errors.RATE_LIMITED' : 'partners.exportFailed';
      setMessage({ kind: 'error', text: t(key) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap={4} align="flex-end">
      <Button variant="default" data-testid="export-csv" loading={busy} onClick={() => void handleClick()}>
        {t('partners.export')}
      </Button>
      <Text size="xs" c={message?.kind === 'error' ? 'red.7' : 'dimmed'} role="status" aria-live="polite">
        {message?.text ?? ''}
      </Text>
    </Stack>
  );
}

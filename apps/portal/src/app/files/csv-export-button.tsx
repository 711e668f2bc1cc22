import { useApolloClient } from '@apollo/client/react';
import { Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CsvExportParams, downloadCsv, ExportError } from './download-csv';

interface CsvExportButtonProps {
  /** The server export, e.g. `/api/exports/leads.csv`. */
  path: string;
  /** The list's current filters. */
  params: CsvExportParams;
  testId: string;
  /** Shown as a tooltip, e.g. what the file holds. */
  hint?: string;
  /** The button's text when "Export CSV" does not say enough (e.g. a payment file). */
  label?: string;
}

/** "Export CSV": downloads the whole filtered list from the server and says how it went. */
export function CsvExportButton({ path, params, testId, hint, label }: CsvExportButtonProps) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const handleClick = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const filename = await downloadCsv(client, path, params);
      setMessage({ kind: 'ok', text: t('csvExport.done', { filename }) });
    } catch (error) {
      const status = error instanceof ExportError ? error.status : 0;
      const key = status === 403 ? 'errors.FORBIDDEN' : status === 401 ? 'errors.UNAUTHENTICATED' : status === 429 ? 'errors.RATE_LIMITED' : 'csvExport.failed';
      setMessage({ kind: 'error', text: t(key) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap={4} align="flex-end">
      <Button variant="default" data-testid={testId} loading={busy} title={hint} onClick={() => void handleClick()}>
        {label ?? t('csvExport.export')}
      </Button>
      <Text size="xs" c={message?.kind === 'error' ? 'red.7' : 'dimmed'} role="status" aria-live="polite">
        {message?.text ?? ''}
      </Text>
    </Stack>
  );
}

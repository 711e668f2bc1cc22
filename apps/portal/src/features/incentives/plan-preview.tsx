import type { ErrorLike } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import { Alert, Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/errors/error-alert';
import { asErrorLike } from '../../app/errors/graphql-errors';
import { useFieldErrors } from '../../app/errors/use-field-errors';
import type { PreviewIncentivePlanQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';
import { PreviewIncentivePlanDocument } from './incentive-insights.documents';

type Preview = PreviewIncentivePlanQuery['previewIncentivePlan'];

/** "Preview": runs the plan (a draft too) over a past period's real data; the server writes nothing. */
export function PlanPreviewButton({ planId, planName, size = 'xs' }: { planId: string; planName: string; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size={size} variant="subtle" onClick={() => setOpen(true)} data-testid="plan-preview">
        {t('incentives.preview.button')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} size="xl" title={t('incentives.preview.title', { plan: planName })}>
        {open ? <PlanPreview planId={planId} /> : null}
      </Modal>
    </>
  );
}

function PlanPreview({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useApolloClient();
  const [periodKey, setPeriodKey] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<ErrorLike | null>(null);
  const [loading, setLoading] = useState(false);
  const { field } = useFieldErrors(error);
  const run = async (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    setLoading(true);
    setError(null);
    try {
      const result = await client.query({ query: PreviewIncentivePlanDocument, variables: { planId, periodKey: periodKey.trim() || undefined }, fetchPolicy: 'network-only' });
      setPreview(result.data?.previewIncentivePlan ?? null);
    } catch (caught) {
      setPreview(null);
      setError(asErrorLike(caught));
    } finally {
      setLoading(false);
    }
  };
  const money = (value: string, currency: string) => (currency === 'POINTS' ? format.number(value) : format.money(value, currency));
  return (
    <Stack gap="sm" data-testid="plan-preview-dialog">
      <Text size="sm" c="dimmed">
        {t('incentives.preview.intro')}
      </Text>
      <form onSubmit={(event) => void run(event)} noValidate>
        <Group align="flex-end">
          <TextInput label={t('incentives.admin.period')} description={t('incentives.preview.periodHint')} value={periodKey} onChange={(event) => setPeriodKey(event.currentTarget.value)} error={field('periodKey')} data-testid="plan-preview-period" />
          <Button type="submit" loading={loading} data-testid="plan-preview-run">
            {t('incentives.preview.run')}
          </Button>
        </Group>
      </form>
      {field('periodKey') ? null : <ErrorAlert error={error} />}
      {preview ? (
        <Stack gap="xs" data-testid="plan-preview-result">
          <Alert color="blue">{t('incentives.preview.summary', { period: preview.period, total: money(preview.total, preview.currency), count: preview.lines.length })}</Alert>
          {preview.totals.length > 0 ? (
            <Table striped verticalSpacing="xs" data-testid="plan-preview-totals">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('incentives.columns.beneficiary')}</Table.Th>
                  <Table.Th scope="col">{t('incentives.preview.lines')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('incentives.columns.total')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.totals.map((row) => (
                  <Table.Tr key={`${row.organisationId}:${row.userId ?? ''}`}>
                    <Table.Td>
                      {row.organisationName ?? row.organisationId}
                      {row.repName ? (
                        <Text size="xs" c="dimmed">
                          {row.repName}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{row.lineCount}</Table.Td>
                    <Table.Td ta="right">{money(row.total, preview.currency)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : null}
          {preview.lines.length > 0 ? (
            <Table.ScrollContainer minWidth={700}>
              <Table verticalSpacing={4} fz="xs" data-testid="plan-preview-lines">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('incentives.preview.source')}</Table.Th>
                    <Table.Th scope="col">{t('incentives.columns.beneficiary')}</Table.Th>
                    <Table.Th scope="col">{t('incentives.preview.rule')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('incentives.columns.total')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.lines.map((line) => (
                    <Table.Tr key={`${line.sourceType}:${line.sourceId}:${line.rule}`}>
                      <Table.Td>{line.sourceLabel}</Table.Td>
                      <Table.Td>{line.repName ?? line.organisationName ?? line.organisationId}</Table.Td>
                      <Table.Td>
                        {line.rule}
                        {line.cappedBy ? ` (${line.cappedBy})` : ''}
                      </Table.Td>
                      <Table.Td ta="right">{money(line.amount, preview.currency)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : null}
        </Stack>
      ) : null}
    </Stack>
  );
}

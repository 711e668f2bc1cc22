import { useQuery } from '@apollo/client/react';
import { Card, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ErrorAlert } from '../../app/errors/error-alert';
import { CsvExportButton } from '../../app/files/csv-export-button';
import { PageTitle } from '../../app/routing/page-title';
import type { MdfReportGroup, MdfReportQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';
import { amountMinor } from '../mdf/mdf-money';
import { MdfReportDocument } from './mdf-report.documents';
import { PageLoader } from '../mdf/mdf-table';

const GROUPS: readonly MdfReportGroup[] = ['PARTNER', 'PROGRAM', 'TIER', 'PERIOD'];
const CHART_ROWS = 15;
type Row = MdfReportQuery['mdfReport'][number];

/** Analysts: MDF utilisation, unused and expiring money, results per € spent, ROI and time to payment, per partner, program, tier or period. */
export default function MdfReportPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [groupBy, setGroupBy] = useState<MdfReportGroup>('PARTNER');
  const { data, previousData, loading, error, refetch } = useQuery(MdfReportDocument, { variables: { groupBy }, fetchPolicy: 'cache-and-network', notifyOnNetworkStatusChange: true });
  const shown = data ?? previousData;
  const rows = shown?.mdfReport ?? [];
  const dash = (value: string | null, show: (v: string) => string) => (value === null ? '—' : show(value));
  /** Seconds as whole days (rounded) — the scale people think of payment times in. */
  const days = (seconds: string) => t('mdf.report.days', { count: Math.round(Number(seconds) / 86400) });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <PageTitle documentTitle={t('mdf.report.title')}>{t('mdf.report.title')}</PageTitle>
          <Text c="dimmed" size="sm" mt={-8}>
            {t('mdf.report.intro')}
          </Text>
        </div>
        <CsvExportButton path="/api/mdf/report.csv" params={{ groupBy }} testId="mdf-report-export" />
      </Group>
      <SegmentedControl
        w="fit-content"
        value={groupBy}
        onChange={(value) => setGroupBy(GROUPS.find((g) => g === value) ?? 'PARTNER')}
        data={GROUPS.map((group) => ({ value: group, label: t(`mdf.report.groups.${group}`) }))}
        data-testid="mdf-report-group"
      />
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      {!shown && loading ? <PageLoader /> : null}
      {shown && rows.length === 0 ? <Text>{t('mdf.report.empty')}</Text> : null}
      {rows.length > 0 ? (
        <Card withBorder padding="md">
          <Title order={2} size="h4" mb="sm">
            {t('mdf.report.chartTitle')}
          </Title>
          <UtilisationChart rows={rows} />
        </Card>
      ) : null}
      {rows.length > 0 ? (
        <Table.ScrollContainer minWidth={1280}>
          <Table striped highlightOnHover verticalSpacing="xs" data-testid="mdf-report-table" aria-busy={loading}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t(`mdf.report.groups.${groupBy}`)}</Table.Th>
                {(['funds', 'budget', 'spent', 'utilisation', 'available', 'expiring', 'lapsed', 'leads', 'leadsPerThousand', 'pipelinePerUnit', 'influencedRevenue', 'roi', 'medianToPayment'] as const).map(
                  (column) => (
                    <Table.Th key={column} scope="col" ta="right">
                      {t(`mdf.report.columns.${column}`)}
                    </Table.Th>
                  ),
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => {
                const money = (value: string) => format.money(value, row.currency);
                return (
                  <Table.Tr key={`${row.key}:${row.currency}`} data-testid="mdf-report-row" data-key={row.key}>
                    <Table.Td fw={500}>{row.label}</Table.Td>
                    <Table.Td ta="right">{format.number(row.funds)}</Table.Td>
                    <Table.Td ta="right">{money(row.budget)}</Table.Td>
                    <Table.Td ta="right">{money(row.spent)}</Table.Td>
                    <Table.Td ta="right" data-testid="report-utilisation">
                      {dash(row.utilisation, format.percent)}
                    </Table.Td>
                    <Table.Td ta="right">{money(row.available)}</Table.Td>
                    <Table.Td ta="right" c={(amountMinor(row.expiring, row.currency) ?? 0n) > 0n ? 'orange.8' : undefined}>
                      {money(row.expiring)}
                    </Table.Td>
                    <Table.Td ta="right">{money(row.lapsed)}</Table.Td>
                    <Table.Td ta="right">{format.number(row.leads)}</Table.Td>
                    <Table.Td ta="right">{dash(row.leadsPerThousand, format.number)}</Table.Td>
                    <Table.Td ta="right">{dash(row.pipelinePerUnit, money)}</Table.Td>
                    <Table.Td ta="right">
                      {money(row.influencedRevenue)}
                      <Text size="xs" c="dimmed">
                        {t('mdf.report.deals', { count: row.influencedDeals })}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">{dash(row.roi, format.percent)}</Table.Td>
                    <Table.Td ta="right">{dash(row.medianSecondsToPayment, days)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <Text size="xs" c="dimmed">
        {t('mdf.report.definitions')}
      </Text>
      {shown && shown.mdfExpiringFunds.length > 0 ? (
        <Card withBorder padding="md" data-testid="expiring-funds">
          <Title order={2} size="h4" mb="sm">
            {t('mdf.report.expiringTitle')}
          </Title>
          <Table verticalSpacing={4}>
            <Table.Tbody>
              {shown.mdfExpiringFunds.map((fund) => (
                <Table.Tr key={fund.id}>
                  <Table.Td>{fund.organisation?.name ?? '—'}</Table.Td>
                  <Table.Td>{fund.periodLabel}</Table.Td>
                  <Table.Td ta="right">{format.money(fund.balances.available, fund.balances.currency)}</Table.Td>
                  <Table.Td>{t('mdf.report.expiresOn', { date: format.day(fund.expiresOn) })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      ) : null}
    </Stack>
  );
}

/** Budget against spent per group (the largest budgets), in the first currency of the report. */
function UtilisationChart({ rows }: { rows: readonly Row[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const currency = rows[0]?.currency ?? 'EUR';
  // Figures become numbers only to draw bars; the table shows the exact amounts.
  const data = rows
    .filter((row) => row.currency === currency)
    .map((row) => ({ label: row.label, budget: Number(row.budget), spent: Number(row.spent), available: Number(row.available) }))
    .sort((a, b) => b.budget - a.budget)
    .slice(0, CHART_ROWS);
  return (
    <figure style={{ margin: 0 }} data-testid="mdf-report-chart">
      <ResponsiveContainer width="100%" height={280}>
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={0} angle={data.length > 6 ? -20 : 0} textAnchor={data.length > 6 ? 'end' : 'middle'} height={data.length > 6 ? 60 : 30} />
          <YAxis tickFormatter={(value) => format.moneyCompact(Number(value), currency)} tick={{ fontSize: 11 }} width={64} />
          <Tooltip formatter={(value, name) => [format.money(Number(value), currency), t(`mdf.report.series.${name === 'spent' ? 'spent' : name === 'available' ? 'available' : 'budget'}`)]} />
          <Legend formatter={(name) => t(`mdf.report.series.${name === 'spent' ? 'spent' : name === 'available' ? 'available' : 'budget'}`)} />
          <Bar dataKey="budget" fill="var(--mantine-color-indigo-3)" isAnimationActive={false} />
          <Bar dataKey="spent" fill="var(--mantine-color-indigo-6)" isAnimationActive={false} />
          <Bar dataKey="available" fill="var(--mantine-color-teal-4)" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
      <Text component="figcaption" size="xs" c="dimmed">
        {t('mdf.report.chartCaption', { currency })}
      </Text>
    </figure>
  );
}

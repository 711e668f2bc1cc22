import { useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Group, Loader, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ErrorAlert } from '../../app/errors/error-alert';
import { saveBlob } from '../../app/files/save-file';
import { PageTitle } from '../../app/routing/page-title';
import type { IncentiveMeasurementQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';
import { IncentiveMeasurementDocument } from './incentive-insights.documents';
import { IncentivePlansDocument } from './incentives.documents';

type Measurement = IncentiveMeasurementQuery['incentiveMeasurement'];
type PeriodRow = Measurement['periods'][number];
type DelayRow = Measurement['paymentDelays'][number];

/** One CSV cell: quoted when it holds a comma, quote or line break; a leading formula character is neutralised. */
const csvCell = (value: string | number | null | undefined): string => {
  const text = value === null || value === undefined ? '' : String(value);
  const safe = /^[=+\-@]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** A table as a CSV file (UTF-8 with BOM, so spreadsheet programs read the accents), built in the browser from what the page shows. */
function downloadTable(name: string, header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): void {
  const csv = `\uFEFF${[header.join(','), ...rows.map((row) => row.map(csvCell).join(','))].join('\r\n')}\r\n`;
  saveBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `${name}-${new Date().toISOString().slice(0, 10)}.csv`);
}

const PERIOD_COLUMNS = ['planId', 'plan', 'kind', 'period', 'currency', 'eligible', 'participants', 'participationRate', 'qualifyingUnits', 'costPerUnit', 'gainPerCost', 'costAccrued', 'costPaid', 'gain', 'gainNote', 'roi', 'budget', 'budgetUsed'] as const;
const periodCells = (r: PeriodRow) => [r.planId, r.planName, r.kind, r.period, r.currency, r.eligible, r.participants, r.participationRate, r.qualifyingUnits, r.costPerUnit, r.gainPerCost, r.costAccrued, r.costPaid, r.gain, r.gainNote, r.roi, r.budget, r.budgetUsed];
const DELAY_COLUMNS = ['planId', 'plan', 'paidStatements', 'medianDays', 'p90Days'] as const;
const delayCells = (r: DelayRow) => [r.planId, r.planName, r.paidStatements, r.medianDays, r.p90Days];

/** Analysts and vendor staff: what each incentive plan costs and brings in, how fast it pays, how fast points are redeemed. */
export default function IncentiveMeasurementPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [planId, setPlanId] = useState<string | null>(null);
  const [periodDraft, setPeriodDraft] = useState('');
  const [periodKey, setPeriodKey] = useState('');
  const { data: planData } = useQuery(IncentivePlansDocument, { variables: { first: 100 } });
  const plans = planData?.incentivePlans.edges.map((edge) => edge.node) ?? [];
  const { data, loading, error, refetch } = useQuery(IncentiveMeasurementDocument, { variables: { planId: planId ?? undefined, periodKey: periodKey || undefined }, fetchPolicy: 'cache-and-network' });
  const m = data?.incentiveMeasurement;
  const rows = m?.periods ?? [];
  const money = (value: string | null, currency: string): string => (value === null ? '—' : currency === 'POINTS' ? `${format.number(value)} ${t('incentives.measurement.points')}` : format.money(value, currency));
  const percent = (value: string | null): string => (value === null ? '—' : format.percent(value));
  const chartData = rows.map((r) => ({ label: `${r.planName} · ${r.period}`, cost: Number(r.costAccrued), paid: Number(r.costPaid), gain: r.gain === null ? null : Number(r.gain) }));
  const delayData = (m?.paymentDelays ?? []).filter((d) => d.paidStatements > 0).map((d) => ({ label: d.planName, median: d.medianDays, p90: d.p90Days }));

  return (
    <Stack gap="md" data-testid="incentive-measurement">
      <div>
        <PageTitle documentTitle={t('incentives.measurement.title')}>{t('incentives.measurement.title')}</PageTitle>
        <Text c="dimmed" size="sm" mt={-8}>
          {t('incentives.measurement.intro')}
        </Text>
      </div>
      <Paper withBorder p="sm">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setPeriodKey(periodDraft.trim());
          }}
        >
          <Group align="flex-end">
            <Select
              label={t('incentives.columns.plan')}
              placeholder={t('incentives.measurement.allPlans')}
              clearable
              data={plans.map((plan) => ({ value: plan.id, label: plan.name }))}
              value={planId}
              onChange={setPlanId}
              data-testid="measurement-plan"
            />
            <TextInput label={t('incentives.admin.period')} description={t('incentives.measurement.periodHint')} value={periodDraft} onChange={(event) => setPeriodDraft(event.currentTarget.value)} data-testid="measurement-period" />
            <Button type="submit" variant="light">
              {t('incentives.measurement.apply')}
            </Button>
          </Group>
        </form>
      </Paper>
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      {!data && loading ? <Loader aria-label={t('common.loading')} /> : null}
      {m ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Card withBorder>
            <Text size="sm" c="dimmed">
              {t('incentives.measurement.redemptionSpeed')}
            </Text>
            <Title order={3} data-testid="redemption-speed">
              {m.redemptionSpeedDays === null ? '—' : t('incentives.measurement.days', { count: m.redemptionSpeedDays })}
            </Title>
          </Card>
          <Card withBorder>
            <Text size="sm" c="dimmed">
              {t('incentives.measurement.pointsRedeemed')}
            </Text>
            <Title order={3}>{format.number(m.pointsRedeemed)}</Title>
          </Card>
        </SimpleGrid>
      ) : null}
      {m && rows.length === 0 ? <Alert color="gray">{t('incentives.measurement.empty')}</Alert> : null}
      {rows.length > 0 ? (
        <Paper withBorder p="sm">
          <Text fw={600}>{t('incentives.measurement.costVsGain')}</Text>
          <Text size="xs" c="dimmed">
            {t('incentives.measurement.costVsGainHint')}
          </Text>
          <figure style={{ margin: 0 }} data-testid="cost-gain-chart">
            <ResponsiveContainer width="100%" height={280}>
              <BarChart data={chartData} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="label" tick={{ fontSize: 11 }} />
                <YAxis tickFormatter={(value) => format.number(Number(value))} tick={{ fontSize: 11 }} width={72} />
                <Tooltip formatter={(value) => format.number(Number(value))} />
                <Legend />
                <Bar dataKey="cost" name={t('incentives.measurement.costAccrued')} fill="var(--mantine-color-red-5)" isAnimationActive={false} />
                <Bar dataKey="paid" name={t('incentives.measurement.costPaid')} fill="var(--mantine-color-orange-4)" isAnimationActive={false} />
                <Bar dataKey="gain" name={t('incentives.measurement.gain')} fill="var(--mantine-color-teal-6)" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </figure>
        </Paper>
      ) : null}
      {rows.length > 0 ? (
        <Stack gap="xs">
          <Group justify="space-between">
            <Text fw={600}>{t('incentives.measurement.perPeriod')}</Text>
            <Button variant="default" size="xs" onClick={() => downloadTable('incentive-measurement', PERIOD_COLUMNS, rows.map(periodCells))} data-testid="measurement-export">
              {t('csvExport.export')}
            </Button>
          </Group>
          <Table.ScrollContainer minWidth={1100}>
            <Table striped verticalSpacing="xs" data-testid="measurement-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('incentives.columns.plan')}</Table.Th>
                  <Table.Th scope="col">{t('incentives.columns.period')}</Table.Th>
                  <Table.Th scope="col">{t('incentives.measurement.participation')}</Table.Th>
                  <Table.Th scope="col">{t('incentives.measurement.units')}</Table.Th>
                  <Table.Th scope="col">{t('incentives.measurement.costPerUnit')}</Table.Th>
                  <Table.Th scope="col">{t('incentives.measurement.costAccrued')}</Table.Th>
                  <Table.Th scope="col">{t('incentives.measurement.costPaid')}</Table.Th>
                  <Table.Th scope="col">{t('incentives.measurement.gain')}</Table.Th>
                  <Table.Th scope="col">{t('incentives.measurement.gainPerCost')}</Table.Th>
                  <Table.Th scope="col">{t('incentives.measurement.roi')}</Table.Th>
                  <Table.Th scope="col">{t('incentives.measurement.budgetUsed')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={`${r.planId}:${r.period}`} data-testid="measurement-row">
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {r.planName}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t(`incentives.kind.${r.kind}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{r.period}</Table.Td>
                    <Table.Td>
                      {percent(r.participationRate)}
                      <Text size="xs" c="dimmed">
                        {t('incentives.measurement.participants', { participants: r.participants, eligible: r.eligible })}
                      </Text>
                    </Table.Td>
                    <Table.Td>{format.number(r.qualifyingUnits)}</Table.Td>
                    <Table.Td>{money(r.costPerUnit, r.currency)}</Table.Td>
                    <Table.Td>{money(r.costAccrued, r.currency)}</Table.Td>
                    <Table.Td>{money(r.costPaid, r.currency)}</Table.Td>
                    <Table.Td title={r.gainNote ?? undefined}>
                      {money(r.gain, r.currency)}
                      {r.gainNote ? (
                        <Text size="xs" c="dimmed" maw={260}>
                          {r.gainNote}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{r.gainPerCost ?? '—'}</Table.Td>
                    <Table.Td>{percent(r.roi)}</Table.Td>
                    <Table.Td>{r.budget === null ? '—' : `${percent(r.budgetUsed)} ${t('incentives.measurement.ofBudget', { budget: money(r.budget, r.currency) })}`}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      ) : null}
      {m && m.paymentDelays.length > 0 ? (
        <Paper withBorder p="sm">
          <Group justify="space-between">
            <div>
              <Text fw={600}>{t('incentives.measurement.paymentDelay')}</Text>
              <Text size="xs" c="dimmed">
                {t('incentives.measurement.paymentDelayHint')}
              </Text>
            </div>
            <Button variant="default" size="xs" onClick={() => downloadTable('incentive-payment-delay', DELAY_COLUMNS, m.paymentDelays.map(delayCells))} data-testid="delay-export">
              {t('csvExport.export')}
            </Button>
          </Group>
          {delayData.length > 0 ? (
            <figure style={{ margin: 0 }} data-testid="payment-delay-chart">
              <ResponsiveContainer width="100%" height={220}>
                <BarChart data={delayData} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="label" tick={{ fontSize: 11 }} />
                  <YAxis allowDecimals={false} tick={{ fontSize: 11 }} width={40} />
                  <Tooltip />
                  <Legend />
                  <Bar dataKey="median" name={t('incentives.measurement.medianDays')} fill="var(--mantine-color-indigo-5)" isAnimationActive={false} />
                  <Bar dataKey="p90" name={t('incentives.measurement.p90Days')} fill="var(--mantine-color-grape-5)" isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </figure>
          ) : null}
          <Table striped verticalSpacing="xs" data-testid="delay-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('incentives.columns.plan')}</Table.Th>
                <Table.Th scope="col">{t('incentives.measurement.paidStatements')}</Table.Th>
                <Table.Th scope="col">{t('incentives.measurement.medianDays')}</Table.Th>
                <Table.Th scope="col">{t('incentives.measurement.p90Days')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {m.paymentDelays.map((d) => (
                <Table.Tr key={d.planId}>
                  <Table.Td>{d.planName}</Table.Td>
                  <Table.Td>{format.number(d.paidStatements)}</Table.Td>
                  <Table.Td>{d.medianDays ?? '—'}</Table.Td>
                  <Table.Td>{d.p90Days ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ) : null}
    </Stack>
  );
}

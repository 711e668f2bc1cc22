import { Anchor, Group, Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Rectangle, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormat } from '../../i18n/use-format';
import { RatioValue } from './ratio-value';
import { ColumnHeader, RevenueTable } from './revenue-table';
import { isWaterfallStep, type RevenueSummary, type WaterfallBar, waterfallBars, type WaterfallStep } from './revenue-figures';

const FILL: Record<WaterfallBar['tone'], string> = {
  total: 'var(--mantine-color-indigo-6)',
  gain: 'var(--mantine-color-teal-6)',
  loss: 'var(--mantine-color-red-6)',
  none: 'var(--mantine-color-gray-4)',
};

interface MrrWaterfallProps {
  summary: Pick<RevenueSummary, 'waterfall' | 'currency' | 'grossMrrChurn' | 'netMrrChurn'>;
  /** Opens what lies behind a step: its movements, or for FX the exchange rates. */
  onOpen: (step: WaterfallStep) => void;
}

/** Opening MRR, each kind of movement as a floating bar, closing MRR; below it the same figures as a table. */
export function MrrWaterfall({ summary, onOpen }: MrrWaterfallProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const bars = waterfallBars(summary.waterfall);
  const money = (value: string | number) => format.money(value, summary.currency);
  const opensSomething = (step: WaterfallStep) => step !== 'opening' && step !== 'closing';
  const stepLabel = (value: unknown): string => {
    const step = String(value);
    return isWaterfallStep(step) ? t(`revenue.steps.${step}`) : step;
  };

  return (
    <>
      <div data-testid="waterfall-chart">
        <ResponsiveContainer width="100%" height={300}>
          <BarChart
            data={bars}
            margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
            onClick={(state) => {
              const step = String(state.activeLabel ?? '');
              if (isWaterfallStep(step) && opensSomething(step)) onOpen(step);
            }}
            style={{ cursor: 'pointer' }}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="step" interval={0} angle={-35} textAnchor="end" height={64} tick={{ fontSize: 11 }} tickFormatter={stepLabel} />
            <YAxis tickFormatter={(value) => format.moneyCompact(Number(value), summary.currency)} tick={{ fontSize: 11 }} width={64} />
            <Tooltip
              content={({ active, label }) => {
                const bar = bars.find((b) => b.step === label);
                return active && bar ? (
                  <Paper withBorder shadow="sm" p="xs">
                    <Text size="xs" fw={600}>
                      {stepLabel(bar.step)}
                    </Text>
                    <Text size="sm">{money(summary.waterfall[bar.step])}</Text>
                  </Paper>
                ) : null;
              }}
            />
            <Bar
              dataKey="range"
              isAnimationActive={false}
              minPointSize={2}
              shape={(props) => <Rectangle {...props} fill={FILL[bars[props.index]?.tone ?? 'none']} />}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <RevenueTable
        testId="waterfall-table"
        minWidth={240}
        striped={false}
        verticalSpacing={4}
        head={
          <>
            <ColumnHeader>{t('revenue.waterfall.step')}</ColumnHeader>
            <ColumnHeader figure>{t('revenue.waterfall.amount')}</ColumnHeader>
          </>
        }
      >
        {bars.map((bar) => (
          <Table.Tr key={bar.step} data-testid="waterfall-step" data-step={bar.step}>
            <Table.Th scope="row" fw={bar.tone === 'total' ? 700 : 400}>
              {t(`revenue.steps.${bar.step}`)}
            </Table.Th>
            <Table.Td ta="right" fw={bar.tone === 'total' ? 700 : 400}>
              {opensSomething(bar.step) && bar.amount !== 0 ? (
                <Anchor component="button" type="button" size="sm" onClick={() => onOpen(bar.step)} data-testid="waterfall-amount" title={t('revenue.waterfall.open')}>
                  {money(summary.waterfall[bar.step])}
                </Anchor>
              ) : (
                <span data-testid="waterfall-amount">{money(summary.waterfall[bar.step])}</span>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </RevenueTable>
      <Group gap="lg">
        <Text size="xs" c="dimmed">
          {t('revenue.waterfall.grossChurn')}: <RatioValue value={summary.grossMrrChurn} figure="grossMrrChurn" testId="gross-mrr-churn" />
        </Text>
        <Text size="xs" c="dimmed">
          {t('revenue.waterfall.netChurn')}: <RatioValue value={summary.netMrrChurn} figure="netMrrChurn" testId="net-mrr-churn" />
        </Text>
      </Group>
    </>
  );
}

import { Card, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../app/errors/use-error-message';
import { useFormat } from '../../i18n/use-format';
import { RatioValue, UndefinedFigure } from './ratio-value';
import { monthOfDay, type RevenueSummary } from './revenue-figures';

interface StatProps {
  label: string;
  value: ReactNode;
  /** What the figure means, in a sentence. */
  hint: string;
  testId: string;
}

function Stat({ label, value, hint, testId }: StatProps) {
  return (
    <Card withBorder padding="sm" data-testid={testId}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={`${testId}-value`}>
        {value}
      </Text>
      <Text size="xs" c="dimmed" mt={4}>
        {hint}
      </Text>
    </Card>
  );
}

/** The headline figures of a month, each with a sentence that says what it is. */
export function RevenueStats({ summary }: { summary: RevenueSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { detail } = useErrorMessage();
  const money = (value: string) => format.money(value, summary.currency);
  const month = format.month(monthOfDay(summary.month));
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" data-testid="revenue-stats">
      <Stat label={t('revenue.stats.mrr')} value={money(summary.mrr)} hint={t('revenue.stats.mrrHint', { month })} testId="revenue-mrr" />
      <Stat label={t('revenue.stats.arr')} value={money(summary.arr)} hint={t('revenue.stats.arrHint')} testId="revenue-arr" />
      <Stat label={t('revenue.stats.customers')} value={format.number(summary.customers)} hint={t('revenue.stats.customersHint')} testId="revenue-customers" />
      <Stat
        label={t('revenue.stats.arpa')}
        value={summary.arpa === null ? <UndefinedFigure reason={t('revenue.undefined.arpa')} /> : money(summary.arpa)}
        hint={t('revenue.stats.arpaHint')}
        testId="revenue-arpa"
      />
      <Stat
        label={t('revenue.stats.nrr')}
        value={<RatioValue value={summary.nrr} figure="nrr" />}
        hint={t('revenue.stats.nrrHint', { start: money(summary.cohortStartMrr) })}
        testId="revenue-nrr"
      />
      <Stat label={t('revenue.stats.grr')} value={<RatioValue value={summary.grr} figure="grr" />} hint={t('revenue.stats.grrHint')} testId="revenue-grr" />
      <Stat
        label={t('revenue.stats.logoChurn')}
        value={<RatioValue value={summary.logoChurnRate} figure="logoChurnRate" />}
        hint={t('revenue.stats.logoChurnHint')}
        testId="revenue-logo-churn"
      />
      <Stat
        label={t('revenue.stats.ltv')}
        value={summary.ltv === null ? <UndefinedFigure reason={summary.ltvNote ? detail(summary.ltvNote) : t('revenue.undefined.ltv')} /> : money(summary.ltv)}
        hint={t('revenue.stats.ltvHint')}
        testId="revenue-ltv"
      />
    </SimpleGrid>
  );
}

import { useQuery } from '@apollo/client/react';
import { Center, Loader, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isPartnerRole } from '../../app/auth/roles';
import { useCurrentUser } from '../../app/auth/use-current-user';
import { ErrorAlert } from '../../app/errors/error-alert';
import { useFieldErrors } from '../../app/errors/use-field-errors';
import { PageTitle } from '../../app/routing/page-title';
import { useSearchParamValues } from '../../app/routing/use-search-param-values';
import { DEAL_CURRENCIES } from '../deals/deal-form-values';
import { DealMetricsDocument } from './deal-metrics.documents';
import { MetricsTable, NO_VALUE } from './metrics-table';
import { addDays, DEFAULT_CURRENCY, defaultPeriod, groupingsFor, isDay } from './metrics-period';

const URL_KEYS = ['from', 'to', 'groupBy', 'currency'] as const;

/**
 * Deal registration and lead figures over a period, in total or per partner, program, tier or month.
 * Partners get their own organisation's figures (the API sees to that). The chosen end day is
 * included; the API is sent the day after it.
 */
export default function DealMetricsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const partner = user ? isPartnerRole(user.role) : false;
  const groupings = user ? groupingsFor(user.role) : [];
  const { values, set } = useSearchParamValues(URL_KEYS);
  const defaults = useMemo(() => defaultPeriod(), []);
  const from = values.from || defaults.from;
  const to = values.to || defaults.to;
  const groupBy = groupings.find((g) => g === values.groupBy) ?? 'NONE';
  const currency = values.currency || DEFAULT_CURRENCY;
  const periodError = !isDay(from) || !isDay(to) ? t('dealMetrics.dateRequired') : from > to ? t('dealMetrics.periodOrder') : undefined;
  const { data, previousData, loading, error, refetch } = useQuery(DealMetricsDocument, {
    variables: { input: { from, to: isDay(to) ? addDays(to, 1) : to, groupBy, currency } },
    skip: periodError !== undefined,
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  // Problems with the period are shown under the dates; anything else above the table.
  const { parsed, field } = useFieldErrors(error);
  const periodProblem = periodError ?? field('from') ?? field('to');
  const shown = periodError ? undefined : (data ?? previousData);
  const rows = shown?.dealMetrics ?? [];
  const currencies = [...new Set<string>([...DEAL_CURRENCIES, currency])];

  return (
    <Stack gap="md">
      <div>
        <PageTitle documentTitle={t('dealMetrics.title')}>{t('dealMetrics.title')}</PageTitle>
        <Text c="dimmed" size="sm" mt={-8}>
          {partner ? t('dealMetrics.introPartner') : t('dealMetrics.introVendor')}
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" maw={960} role="search" aria-label={t('dealMetrics.filters')}>
        <TextInput
          type="date"
          label={t('dealMetrics.from')}
          required
          value={from}
          max={isDay(to) ? to : undefined}
          onChange={(event) => set({ from: event.currentTarget.value })}
          error={periodProblem !== undefined}
          data-testid="metrics-from"
        />
        <TextInput
          type="date"
          label={t('dealMetrics.to')}
          required
          value={to}
          min={isDay(from) ? from : undefined}
          onChange={(event) => set({ to: event.currentTarget.value })}
          error={periodProblem}
          data-testid="metrics-to"
        />
        <Select
          label={t('dealMetrics.groupBy')}
          allowDeselect={false}
          value={groupBy}
          onChange={(next) => set({ groupBy: next === 'NONE' ? '' : (next ?? '') })}
          data={groupings.map((g) => ({ value: g, label: t(`dealMetrics.groupByOption.${g}`) }))}
          data-testid="metrics-group-by"
        />
        <Select
          label={t('dealMetrics.currency')}
          allowDeselect={false}
          value={currency}
          onChange={(next) => set({ currency: next === DEFAULT_CURRENCY ? '' : (next ?? '') })}
          data={currencies}
          data-testid="metrics-currency"
        />
      </SimpleGrid>
      {parsed && !field('from') && !field('to') ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : null}
      {!shown && loading ? (
        <Center p="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : null}
      {shown && rows.length === 0 ? <Text data-testid="metrics-empty">{t('dealMetrics.empty')}</Text> : null}
      {rows.length > 0 ? (
        <>
          <MetricsTable rows={rows} groupBy={groupBy} currency={currency} />
          <Text size="xs" c="dimmed">
            {t('dealMetrics.noValueHint', { dash: NO_VALUE })}
          </Text>
        </>
      ) : null}
    </Stack>
  );
}

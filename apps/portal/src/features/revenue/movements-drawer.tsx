import { useQuery } from '@apollo/client/react';
import { Drawer, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/errors/error-alert';
import { CsvExportButton } from '../../app/files/csv-export-button';
import { useFormat } from '../../i18n/use-format';
import { MovementList } from './movement-list';
import { isMovementStep, monthArg, NO_FIGURE, STEP_KINDS, type WaterfallStep } from './revenue-figures';
import { ColumnHeader, RevenueTable } from './revenue-table';
import { ExchangeRatesDocument } from './revenue.documents';

/** The month before a YYYY-MM month. */
const previousMonth = (month: string): string => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 2, 1)).toISOString().slice(0, 7);

/**
 * FX = closing − opening − the movements, where the opening is last month's closing at last month's
 * rate and the movements are at this month's: so the rates on the first day of each month explain it.
 */
function FxRates({ month, baseCurrency }: { month: string; baseCurrency: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, error, refetch } = useQuery(ExchangeRatesDocument);
  const before = previousMonth(month);
  const rates = data?.exchangeRates ?? [];
  const currencies = [...new Set(rates.map((rate) => rate.currency))].sort();
  const rateOn = (currency: string, day: string) =>
    rates.filter((rate) => rate.currency === currency && rate.validFrom <= day).sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0]?.rate;
  const rateText = (rate: string | undefined) => (rate === undefined ? NO_FIGURE : format.number(rate));
  return (
    <Stack gap="sm" data-testid="fx-rates">
      <Text size="sm">{t('revenue.fx.intro', { base: baseCurrency })}</Text>
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      {data && currencies.length === 0 ? <Text size="sm">{t('revenue.fx.none', { base: baseCurrency })}</Text> : null}
      {currencies.length > 0 ? (
        <RevenueTable
          testId="fx-rate-table"
          minWidth={360}
          verticalSpacing={4}
          head={
            <>
              <ColumnHeader>{t('revenue.fx.currency')}</ColumnHeader>
              <ColumnHeader figure>{t('revenue.fx.rateOn', { date: format.day(`${before}-01`) })}</ColumnHeader>
              <ColumnHeader figure>{t('revenue.fx.rateOn', { date: format.day(`${month}-01`) })}</ColumnHeader>
            </>
          }
        >
          {currencies.map((currency) => (
            <Table.Tr key={currency}>
              <Table.Th scope="row">{currency}</Table.Th>
              <Table.Td ta="right">{rateText(rateOn(currency, `${before}-01`))}</Table.Td>
              <Table.Td ta="right">{rateText(rateOn(currency, `${month}-01`))}</Table.Td>
            </Table.Tr>
          ))}
        </RevenueTable>
      ) : null}
      <Text size="xs" c="dimmed">
        {t('revenue.fx.unit', { base: baseCurrency })}
      </Text>
    </Stack>
  );
}

interface MovementsDrawerProps {
  /** The partner; left out for vendor-wide figures (and for partners, who always get their own). */
  organisationId?: string;
  /** YYYY-MM */
  month: string;
  /** The waterfall step opened; null keeps the drawer closed. */
  step: WaterfallStep | null;
  currency: string;
  onClose: () => void;
}

/** What lies behind a waterfall bar: the movements of that kind in the month, or for FX the exchange rates. */
export function MovementsDrawer({ organisationId, month, step, currency, onClose }: MovementsDrawerProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const title = step ? t('revenue.movements.title', { step: t(`revenue.steps.${step}`), month: format.month(month) }) : '';
  return (
    <Drawer opened={step !== null} onClose={onClose} position="right" size="xl" title={title}>
      <Stack gap="md" data-testid="movements-drawer" data-step={step ?? ''}>
        {step && isMovementStep(step) ? (
          <>
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Text size="sm" c="dimmed">
                {t('revenue.movements.intro')}
              </Text>
              <CsvExportButton
                path="/api/revenue/movements.csv"
                params={{ organisationId, month: monthArg(month), kind: STEP_KINDS[step] }}
                testId="movements-export"
                hint={t('revenue.movements.exportHint')}
              />
            </Group>
            <MovementList filter={{ organisationId, month: monthArg(month), kind: STEP_KINDS[step] }} />
          </>
        ) : null}
        {step === 'fx' ? <FxRates month={month} baseCurrency={currency} /> : null}
      </Stack>
    </Drawer>
  );
}

import { useQuery } from '@apollo/client/react';
import { SimpleGrid, Stack } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CsvExportButton } from '../../app/files/csv-export-button';
import { useSearchParamValues } from '../../app/routing/use-search-param-values';
import { useFormat } from '../../i18n/use-format';
import { MonthSelect, useRevenueMonth } from './month-select';
import { MovementsDrawer } from './movements-drawer';
import { MrrWaterfall } from './mrr-waterfall';
import { QueryStatus } from './query-status';
import { RenewalsTable } from './renewals-table';
import { RevenueCard, RevenueHeading } from './revenue-card';
import { isWaterfallStep, monthArg, monthOfDay } from './revenue-figures';
import { RevenueStats } from './revenue-stats';
import { RevenueTrendChart } from './revenue-trend-chart';
import { RevenueSummaryDocument } from './revenue.documents';

const URL_KEYS = ['step'] as const;

interface RevenueOverviewProps {
  /** One partner seen by vendor staff; left out for a partner's own figures or the vendor-wide ones. */
  organisationId?: string;
  /** Vendor-wide figures: the renewals name each customer's partner. */
  vendorWide?: boolean;
  title: string;
  /** Offer the month choice in the section's header (a page with more sections offers it above them all). */
  withMonthSelect?: boolean;
}

/**
 * Recurring revenue of a month: the headline figures, the 12-month MRR trend, how MRR moved (each bar
 * opens the movements behind it) and the renewals due in the next 90 days.
 */
export function RevenueOverview({ organisationId, vendorWide = false, title, withMonthSelect = true }: RevenueOverviewProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const { month, setMonth } = useRevenueMonth();
  const { values, set } = useSearchParamValues(URL_KEYS);
  const { data, previousData, loading, error, refetch } = useQuery(RevenueSummaryDocument, {
    variables: { organisationId, month: monthArg(month) },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  // Keep the last month on screen while another one loads.
  const summary = (data ?? previousData)?.revenueSummary;
  const shownMonth = summary ? monthOfDay(summary.month) : null;
  const renewals = (
    <RevenueCard
      title={t('revenue.renewals.title')}
      actions={<CsvExportButton path="/api/revenue/renewals.csv" params={{ organisationId }} testId="renewals-export" hint={t('revenue.renewals.exportHint')} />}
      testId="revenue-renewals"
    >
      <RenewalsTable organisationId={organisationId} withPartner={vendorWide} />
    </RevenueCard>
  );

  return (
    <Stack gap="md" component="section" aria-labelledby={headingId} data-testid="revenue-overview" data-month={shownMonth ?? ''} aria-busy={loading}>
      <RevenueHeading
        id={headingId}
        level={2}
        title={title}
        intro={summary ? t('revenue.overviewIntro', { currency: summary.currency }) : undefined}
        actions={withMonthSelect ? <MonthSelect value={month} onChange={setMonth} /> : null}
      />
      <QueryStatus error={error} onRetry={() => void refetch()} waiting={loading && !summary} />
      {summary && shownMonth ? (
        <>
          <RevenueStats summary={summary} />
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            <Stack gap="md">
              <RevenueCard title={t('revenue.trend.title')} intro={t('revenue.trend.intro')} testId="revenue-trend-card">
                <RevenueTrendChart trend={summary.trend} currency={summary.currency} onSelectMonth={setMonth} />
              </RevenueCard>
              {vendorWide ? null : renewals}
            </Stack>
            <RevenueCard title={t('revenue.waterfall.title', { month: format.month(shownMonth) })} intro={t('revenue.waterfall.intro')} testId="revenue-waterfall">
              <MrrWaterfall summary={summary} onOpen={(step) => set({ step })} />
            </RevenueCard>
          </SimpleGrid>
          {/* Vendor-wide renewals name the partner too: they need the full width. */}
          {vendorWide ? renewals : null}
          <MovementsDrawer
            organisationId={organisationId}
            month={shownMonth}
            step={isWaterfallStep(values.step) ? values.step : null}
            currency={summary.currency}
            onClose={() => set({ step: '' })}
          />
        </>
      ) : null}
    </Stack>
  );
}

import { Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../app/routing/page-title';
import { CohortTable } from './cohort-table';
import { MonthSelect, useRevenueMonth } from './month-select';
import { RevenueLeaderboard } from './revenue-leaderboard';
import { RevenueOverview } from './revenue-overview';
import { RollupTable } from './rollup-table';

/**
 * Vendor staff: recurring revenue of the whole partner network for a month, the partners ranked by it,
 * the sums per tier and per program, and how each quarter's new partners have kept their revenue.
 */
export default function RevenuePage() {
  const { t } = useTranslation();
  const { month, setMonth } = useRevenueMonth();
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <PageTitle documentTitle={t('revenue.title')}>{t('revenue.title')}</PageTitle>
          <Text c="dimmed" size="sm" mt={-8}>
            {t('revenue.intro')}
          </Text>
        </div>
        <MonthSelect value={month} onChange={setMonth} />
      </Group>
      <RevenueOverview title={t('revenue.vendorWide')} vendorWide withMonthSelect={false} />
      <RevenueLeaderboard month={month} />
      <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="md">
        <RollupTable groupBy="TIER" month={month} />
        <RollupTable groupBy="PROGRAM" month={month} />
      </SimpleGrid>
      <CohortTable />
    </Stack>
  );
}

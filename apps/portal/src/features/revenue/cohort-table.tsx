import { useQuery } from '@apollo/client/react';
import { Stack, Table, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CsvExportButton } from '../../app/files/csv-export-button';
import type { RevenueCohortsQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';
import { QueryStatus } from './query-status';
import { RatioValue } from './ratio-value';
import { RevenueCard } from './revenue-card';
import { ColumnHeader, RevenueTable } from './revenue-table';
import { BASE_CURRENCY } from './revenue-figures';
import { RevenueCohortsDocument } from './revenue.documents';

type Cohort = RevenueCohortsQuery['revenueCohorts'][number];

/** A cell's shade: kept or grown, most of it kept, much of it lost. */
function shade(retention: string | null): string | undefined {
  if (retention === null) return undefined;
  const value = Number(retention);
  return value >= 100 ? 'var(--mantine-color-teal-1)' : value >= 80 ? 'var(--mantine-color-yellow-1)' : 'var(--mantine-color-red-1)';
}

/** Partners grouped by the quarter of their first recurring revenue; each cell is the group's MRR as a share of its start. */
export function CohortTable() {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, loading, error, refetch } = useQuery(RevenueCohortsDocument, { fetchPolicy: 'cache-and-network' });
  const cohorts = data?.revenueCohorts ?? [];
  const offsets = Array.from({ length: Math.max(0, ...cohorts.flatMap((c) => c.quarters.map((q) => q.offset + 1))) }, (_, offset) => offset);
  const at = (cohort: Cohort, offset: number) => cohort.quarters.find((q) => q.offset === offset);
  const quarterLabel = (quarter: string) => {
    const [year, q] = quarter.split('-Q');
    return year && q ? t('revenue.cohorts.quarterLabel', { year, quarter: q }) : quarter;
  };
  const offsetLabel = (offset: number) => t('revenue.cohorts.offset', { count: offset });

  return (
    <RevenueCard
      title={t('revenue.cohorts.title')}
      intro={t('revenue.cohorts.intro')}
      actions={<CsvExportButton path="/api/revenue/cohorts.csv" params={{}} testId="cohorts-export" hint={t('revenue.cohorts.exportHint')} />}
      testId="revenue-cohorts"
    >
      <Stack gap="sm">
        <QueryStatus error={error} onRetry={() => void refetch()} waiting={loading && !data} empty={data !== undefined && cohorts.length === 0 && t('revenue.cohorts.empty')} />
        {cohorts.length > 0 ? (
          <RevenueTable
            testId="cohort-table"
            minWidth={360 + offsets.length * 72}
            striped={false}
            withColumnBorders
            head={
              <>
                <ColumnHeader>{t('revenue.cohorts.quarter')}</ColumnHeader>
                <ColumnHeader figure>{t('revenue.cohorts.partners')}</ColumnHeader>
                <ColumnHeader figure>{t('revenue.cohorts.startMrr')}</ColumnHeader>
                {offsets.map((offset) => (
                  <ColumnHeader key={offset} figure title={offsetLabel(offset)}>
                    <span aria-hidden>{t('revenue.cohorts.offsetShort', { count: offset })}</span>
                    <VisuallyHidden>{offsetLabel(offset)}</VisuallyHidden>
                  </ColumnHeader>
                ))}
              </>
            }
          >
            {cohorts.map((cohort) => (
              <Table.Tr key={cohort.quarter} data-testid="cohort-row">
                <Table.Th scope="row" fw={500}>
                  {quarterLabel(cohort.quarter)}
                </Table.Th>
                <Table.Td ta="right">{format.number(cohort.partners)}</Table.Td>
                <Table.Td ta="right">{format.money(cohort.startMrr, BASE_CURRENCY)}</Table.Td>
                {offsets.map((offset) => {
                  const cell = at(cohort, offset);
                  return (
                    <Table.Td key={offset} ta="right" bg={cell ? shade(cell.retention) : undefined} title={cell ? format.money(cell.mrr, BASE_CURRENCY) : undefined}>
                      {cell ? <RatioValue value={cell.retention} figure="retention" /> : null}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </RevenueTable>
        ) : null}
      </Stack>
    </RevenueCard>
  );
}

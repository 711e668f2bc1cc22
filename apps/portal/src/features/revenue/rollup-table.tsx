import { useQuery } from '@apollo/client/react';
import { Stack, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CsvExportButton } from '../../app/files/csv-export-button';
import type { RevenueGroupBy, RevenueRollupQuery } from '../../gql/graphql';
import { PartnerFilterOptionsDocument } from '../partners/partners.documents';
import { FigureCell, type FigureColumn } from './figure-cell';
import { QueryStatus } from './query-status';
import { RevenueCard } from './revenue-card';
import { ColumnHeader, RevenueTable } from './revenue-table';
import { BASE_CURRENCY, monthArg } from './revenue-figures';
import { RevenueRollupDocument } from './revenue.documents';

type RollupRow = RevenueRollupQuery['revenueRollup'][number];

const COLUMNS: readonly FigureColumn<'partners' | 'mrr' | 'arr' | 'customers' | 'nrr' | 'grr' | 'logoChurnRate'>[] = [
  { key: 'partners', kind: 'count' },
  { key: 'mrr', kind: 'money' },
  { key: 'arr', kind: 'money' },
  { key: 'customers', kind: 'count' },
  { key: 'nrr', kind: 'nrr' },
  { key: 'grr', kind: 'grr' },
  { key: 'logoChurnRate', kind: 'logoChurnRate' },
];

/** The partners' figures summed per tier or per program for the month (a partner in two programs counts in both). */
export function RollupTable({ groupBy, month }: { groupBy: RevenueGroupBy; month: string | null }) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(RevenueRollupDocument, { variables: { groupBy, month: monthArg(month) }, fetchPolicy: 'cache-and-network' });
  // Tier names repeat across programs, so a tier is named with its program (the partner filters load the same list).
  const { data: options } = useQuery(PartnerFilterOptionsDocument);
  const programOfTier = new Map(options?.programs.flatMap((program) => program.tiers.map((tier) => [tier.id, program.name] as const)) ?? []);
  const rows = data?.revenueRollup ?? [];
  const label = (row: RollupRow): string => {
    if (row.key === '') return t(`revenue.rollup.${groupBy}.none`);
    const program = groupBy === 'TIER' ? programOfTier.get(row.key) : undefined;
    return program ? `${row.label} · ${program}` : row.label;
  };

  return (
    <RevenueCard
      title={t(`revenue.rollup.${groupBy}.title`)}
      actions={<CsvExportButton path="/api/revenue/rollup.csv" params={{ groupBy, month: monthArg(month) }} testId={`rollup-export-${groupBy}`} hint={t('revenue.rollup.exportHint')} />}
      testId={`rollup-${groupBy}`}
    >
      <Stack gap="sm">
        <QueryStatus error={error} onRetry={() => void refetch()} waiting={loading && !data} empty={data !== undefined && rows.length === 0 && t('revenue.rollup.empty')} />
        {rows.length > 0 ? (
          <RevenueTable
            testId="rollup-table"
            minWidth={720}
            head={
              <>
                <ColumnHeader>{t(`revenue.rollup.${groupBy}.group`)}</ColumnHeader>
                {COLUMNS.map((column) => (
                  <ColumnHeader key={column.key} figure>
                    {t(`revenue.rollup.columns.${column.key}`)}
                  </ColumnHeader>
                ))}
              </>
            }
          >
            {rows.map((row) => (
              <Table.Tr key={row.key} data-testid="rollup-row">
                <Table.Th scope="row" fw={500}>
                  {label(row)}
                </Table.Th>
                {COLUMNS.map((column) => (
                  <FigureCell key={column.key} value={row[column.key]} kind={column.kind} currency={BASE_CURRENCY} testId={`figure-${column.key}`} />
                ))}
              </Table.Tr>
            ))}
          </RevenueTable>
        ) : null}
      </Stack>
    </RevenueCard>
  );
}

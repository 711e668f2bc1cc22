import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DealMetricsGroupBy, DealMetricsQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';

type MetricsRow = DealMetricsQuery['dealMetrics'][number];
type Figure = Exclude<keyof MetricsRow, 'key' | 'label' | '__typename'>;
type Kind = 'count' | 'percent' | 'hours' | 'money';

const REGISTRATION_FIGURES: readonly [Figure, Kind][] = [
  ['registrations', 'count'],
  ['pending', 'count'],
  ['approved', 'count'],
  ['rejected', 'count'],
  ['won', 'count'],
  ['lost', 'count'],
  ['expired', 'count'],
  ['approvalRate', 'percent'],
  ['medianHoursToDecision', 'hours'],
  ['winRate', 'percent'],
  ['averageWonValue', 'money'],
  ['pipelineValue', 'money'],
];
const LEAD_FIGURES: readonly [Figure, Kind][] = [
  ['leadsAssigned', 'count'],
  ['leadsAccepted', 'count'],
  ['leadAcceptanceRate', 'percent'],
  ['medianLeadResponseHours', 'hours'],
];
const FIGURES = [...REGISTRATION_FIGURES, ...LEAD_FIGURES];

/** Shown for a rate, median or average that has nothing to be computed from — not zero. */
export const NO_VALUE = '–';

interface MetricsTableProps {
  rows: readonly MetricsRow[];
  groupBy: DealMetricsGroupBy;
  currency: string;
}

/** One row per group (or one for everything), the registration figures and then the lead figures. */
export function MetricsTable({ rows, groupBy, currency }: MetricsTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const value = (row: MetricsRow, figure: Figure, kind: Kind): string => {
    const raw = row[figure];
    if (raw === null) return NO_VALUE;
    switch (kind) {
      case 'count':
      case 'hours':
        return format.number(raw);
      case 'percent':
        return format.percent(raw);
      case 'money':
        return format.money(raw, currency);
    }
  };
  const label = (row: MetricsRow): string => {
    if (row.key === null) return groupBy === 'NONE' ? t('dealMetrics.total') : t(`dealMetrics.ungrouped.${groupBy}`);
    return groupBy === 'MONTH' ? format.month(row.key) : row.label;
  };

  return (
    <Table.ScrollContainer minWidth={1500}>
      <Table striped highlightOnHover verticalSpacing="xs" withColumnBorders data-testid="metrics-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            <Table.Th scope="colgroup" colSpan={REGISTRATION_FIGURES.length} ta="center">
              {t('dealMetrics.registrationsGroup')}
            </Table.Th>
            <Table.Th scope="colgroup" colSpan={LEAD_FIGURES.length} ta="center">
              {t('dealMetrics.leadsGroup')}
            </Table.Th>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="col">{t(`dealMetrics.groupColumn.${groupBy}`)}</Table.Th>
            {FIGURES.map(([figure]) => (
              <Table.Th key={figure} scope="col" ta="right">
                {t(`dealMetrics.columns.${figure}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key ?? ''} data-testid="metrics-row" data-key={row.key ?? ''}>
              <Table.Th scope="row" fw={500} miw={160} data-testid="metric-label">
                {label(row)}
              </Table.Th>
              {FIGURES.map(([figure, kind]) => (
                <Table.Td key={figure} ta="right" c={row[figure] === null ? 'dimmed' : undefined} data-testid={`metric-${figure}`}>
                  {value(row, figure, kind)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

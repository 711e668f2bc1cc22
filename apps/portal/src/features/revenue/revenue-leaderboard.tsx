import { useQuery } from '@apollo/client/react';
import { Anchor, Group, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { LoadMoreButton } from '../../app/components/load-more-button';
import { CsvExportButton } from '../../app/files/csv-export-button';
import { useSearchParamValues } from '../../app/routing/use-search-param-values';
import type { RevenueLeaderboardFilter, RevenueLeaderboardQuery, RevenueLeaderboardSort } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';
import { PartnerFilters } from '../partners/partner-filters';
import { type FilterKey, usePartnerFilterState } from '../partners/partner-filter-state';
import { FigureCell, type FigureColumn } from './figure-cell';
import { QueryStatus } from './query-status';
import { RevenueCard } from './revenue-card';
import { ColumnHeader, RevenueTable } from './revenue-table';
import { monthArg, monthOfDay } from './revenue-figures';
import { RevenueLeaderboardDocument } from './revenue.documents';

type LeaderboardRow = RevenueLeaderboardQuery['revenueLeaderboard']['rows'][number];
type Column = FigureColumn<'arr' | 'mrr' | 'mrrGrowth' | 'nrr' | 'grr' | 'logoChurnRate' | 'customers'> & { sort?: RevenueLeaderboardSort };

const PAGE_SIZE = 10;
const URL_KEYS = ['sort', 'order'] as const;
const SORTS: readonly RevenueLeaderboardSort[] = ['ARR', 'MRR_GROWTH', 'NRR', 'GRR', 'LOGO_CHURN', 'CUSTOMERS', 'NAME'];
/** What the leaderboard filters by; the partner list's search and status do not apply. */
const FILTERS: readonly FilterKey[] = ['programId', 'tierId', 'country', 'channelManagerId'];
const COLUMNS: readonly Column[] = [
  { key: 'arr', kind: 'money', sort: 'ARR' },
  { key: 'mrr', kind: 'money' },
  { key: 'mrrGrowth', kind: 'mrrGrowth', sort: 'MRR_GROWTH' },
  { key: 'nrr', kind: 'nrr', sort: 'NRR' },
  { key: 'grr', kind: 'grr', sort: 'GRR' },
  { key: 'logoChurnRate', kind: 'logoChurnRate', sort: 'LOGO_CHURN' },
  { key: 'customers', kind: 'count', sort: 'CUSTOMERS' },
];

interface SortHeaderProps {
  label: string;
  sort: RevenueLeaderboardSort;
  current: RevenueLeaderboardSort;
  descending: boolean;
  onSort: (sort: RevenueLeaderboardSort) => void;
  align?: 'right';
}

/** A column heading that sorts by its figure; a second click turns the order round. */
function SortHeader({ label, sort, current, descending, onSort, align }: SortHeaderProps) {
  const { t } = useTranslation();
  const active = sort === current;
  return (
    <Table.Th scope="col" ta={align} aria-sort={active ? (descending ? 'descending' : 'ascending') : 'none'}>
      <UnstyledButton onClick={() => onSort(sort)} fz="sm" fw={700} title={t('revenue.leaderboard.sortBy', { column: label })} data-testid={`sort-${sort}`}>
        {label}{' '}
        <Text span c={active ? undefined : 'dimmed'} aria-hidden>
          {active ? (descending ? '▼' : '▲') : '↕'}
        </Text>
      </UnstyledButton>
    </Table.Th>
  );
}

/** Partners by their recurring revenue for the month, sorted and paged by the API; a row opens the partner's revenue. */
export function RevenueLeaderboard({ month }: { month: string | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const { values: filterValues, filter: partnerFilter, set: setFilter } = usePartnerFilterState();
  const { values, set } = useSearchParamValues(URL_KEYS);
  const sort = SORTS.find((s) => s === values.sort) ?? 'ARR';
  const descending = values.order !== 'asc';
  const filter = useMemo<RevenueLeaderboardFilter>(() => {
    const { programId, tierId, country, channelManagerId } = partnerFilter;
    return { programId, tierId, country, channelManagerId };
  }, [partnerFilter]);
  const { data, previousData, loading, error, fetchMore, refetch } = useQuery(RevenueLeaderboardDocument, {
    variables: { sort, descending, first: PAGE_SIZE, month: monthArg(month), filter },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const board = (data ?? previousData)?.revenueLeaderboard;
  const rows = board?.rows ?? [];
  const partnerPath = (row: LeaderboardRow) => `/revenue/partners/${row.organisationId}${month ? `?month=${month}` : ''}`;

  const handleSort = (next: RevenueLeaderboardSort) => {
    if (next === sort) set({ order: descending ? 'asc' : '' });
    // Names read A to Z first; every figure best (highest) first.
    else set({ sort: next === 'ARR' ? '' : next, order: next === 'NAME' ? 'asc' : '' });
  };
  const sorting = { current: sort, descending, onSort: handleSort };

  return (
    <RevenueCard
      title={board ? t('revenue.leaderboard.title', { month: format.month(monthOfDay(board.month)) }) : t('revenue.leaderboard.titlePlain')}
      intro={t('revenue.leaderboard.intro')}
      actions={<CsvExportButton
          path="/api/revenue/leaderboard.csv"
          params={{
            month: monthArg(month),
            sort,
            descending: String(descending),
            programId: filter.programId?.toString(),
            tierId: filter.tierId?.toString(),
            country: filter.country,
            channelManagerId: filter.channelManagerId?.toString(),
          }}
          testId="leaderboard-export"
          hint={t('revenue.leaderboard.exportHint')}
        />}
      testId="revenue-leaderboard"
    >
      <Stack gap="sm">
        <PartnerFilters values={filterValues} onChange={setFilter} fields={FILTERS} label={t('revenue.leaderboard.filters')} />
        <QueryStatus
          error={error}
          onRetry={() => void refetch()}
          waiting={!board && loading}
          empty={board !== undefined && rows.length === 0 && t('revenue.leaderboard.empty')}
          emptyTestId="leaderboard-empty"
        />
        {rows.length > 0 ? (
          <RevenueTable
            testId="leaderboard-table"
            minWidth={900}
            highlightOnHover
            // The order the rows on screen are in (empty while a new order loads), for tests and tools.
            data-shown-sort={data ? `${sort}:${descending ? 'desc' : 'asc'}` : ''}
            aria-busy={loading}
            head={
              <>
                <SortHeader label={t('revenue.leaderboard.columns.name')} sort="NAME" {...sorting} />
                <ColumnHeader>{t('revenue.leaderboard.columns.country')}</ColumnHeader>
                {COLUMNS.map((column) =>
                  column.sort ? (
                    <SortHeader key={column.key} label={t(`revenue.leaderboard.columns.${column.key}`)} sort={column.sort} align="right" {...sorting} />
                  ) : (
                    <ColumnHeader key={column.key} figure>
                      {t(`revenue.leaderboard.columns.${column.key}`)}
                    </ColumnHeader>
                  ),
                )}
              </>
            }
          >
            {rows.map((row) => (
              <Table.Tr
                key={row.organisationId}
                data-testid="leaderboard-row"
                data-organisation-id={row.organisationId}
                style={{ cursor: 'pointer' }}
                onClick={() => void navigate(partnerPath(row))}
              >
                <Table.Td>
                  <Anchor component={Link} to={partnerPath(row)} fw={500} onClick={(event) => event.stopPropagation()} data-testid="leaderboard-name">
                    {row.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{format.country(row.country)}</Table.Td>
                {COLUMNS.map((column) => (
                  <FigureCell key={column.key} value={row[column.key]} kind={column.kind} currency={board?.currency ?? ''} testId={`figure-${column.key}`} />
                ))}
              </Table.Tr>
            ))}
          </RevenueTable>
        ) : null}
        <Group justify="space-between">
          <Text size="sm" c="dimmed" role="status" aria-live="polite">
            {board ? t('revenue.leaderboard.shown', { shown: rows.length, count: board.totalCount }) : ''}
          </Text>
          <LoadMoreButton
            pageInfo={board ? { hasNextPage: board.hasNextPage, endCursor: board.endCursor } : undefined}
            loading={loading}
            onLoad={(after) => fetchMore({ variables: { after } })}
            testId="leaderboard-load-more"
          />
        </Group>
      </Stack>
    </RevenueCard>
  );
}

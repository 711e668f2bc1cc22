import type { ErrorLike } from '@apollo/client';
import { Center, Loader, Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadMoreButton } from '../../app/components/load-more-button';
import { ErrorAlert } from '../../app/errors/error-alert';

export interface MdfColumn<Row> {
  key: string;
  /** A string is a column header; a node (a select-all checkbox, say) stands in the header cell as is. */
  header: ReactNode;
  align?: 'right';
  width?: number;
  /** Font weight of the column's cells. */
  weight?: number;
  cell: (row: Row) => ReactNode;
  testId?: string;
}

interface MdfTableProps<Row extends { id: string }> {
  rows: readonly Row[];
  columns: readonly (MdfColumn<Row> | null | false)[];
  minWidth: number;
  testId: string;
  /** `data-testid` and `data-*-id` of each row. */
  rowTestId: string;
  rowIdAttribute?: string;
  highlightOnHover?: boolean;
}

/** The striped tables of the MDF pages: one header row, one row per item; a null column is left out (a role may not see it). */
export function MdfTable<Row extends { id: string }>({ rows, columns, minWidth, testId, rowTestId, rowIdAttribute, highlightOnHover = false }: MdfTableProps<Row>) {
  const shown = columns.filter((column): column is MdfColumn<Row> => Boolean(column));
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped highlightOnHover={highlightOnHover} verticalSpacing="sm" data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {shown.map((column) => (
              <Table.Th key={column.key} scope={typeof column.header === 'string' ? 'col' : undefined} ta={column.align} w={column.width}>
                {column.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id} data-testid={rowTestId} {...(rowIdAttribute ? { [`data-${rowIdAttribute}`]: row.id } : {})}>
              {shown.map((column) => (
                <Table.Td key={column.key} ta={column.align} fw={column.weight} data-testid={column.testId}>
                  {column.cell(row)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

interface MdfListProps {
  /** Whether the first answer has arrived (the empty text only after it). */
  loaded: boolean;
  loading: boolean;
  error: ErrorLike | undefined;
  onRetry: () => void;
  /** Shown when the answer has no rows; null while there are rows. */
  empty: ReactNode;
  pageInfo?: { hasNextPage: boolean; endCursor: string | null };
  onLoadMore?: (after: string | null) => unknown;
  children: ReactNode;
}

/** Error, first-load spinner, empty text and "load more" around a list of an MDF page. */
export function MdfList({ loaded, loading, error, onRetry, empty, pageInfo, onLoadMore, children }: MdfListProps) {
  return (
    <>
      <ErrorAlert error={error} onRetry={onRetry} />
      {!loaded && loading ? <PageLoader /> : null}
      {loaded && empty ? empty : null}
      {empty ? null : children}
      {onLoadMore ? <LoadMoreButton pageInfo={pageInfo} loading={loading} onLoad={onLoadMore} /> : null}
    </>
  );
}

/** The spinner of a page or list waiting for its first answer. */
export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center p="xl">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

import type { ErrorLike } from '@apollo/client';
import { Card, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorAlert } from '../errors/error-alert';
import { LoadMoreButton } from './load-more-button';

interface ListCardProps {
  /** The card's heading (also its accessible name) and the id tying them together. */
  title: string;
  headingId: string;
  error: ErrorLike | null | undefined;
  onRetry: () => void;
  /** Whether the first page has arrived, and how many rows there are: loaded and none shows `emptyText`. */
  loaded: boolean;
  rowCount: number;
  emptyText: string;
  emptyTestId: string;
  tableTestId: string;
  minWidth: number;
  columns: string[];
  /** The table's rows (`Table.Tr`). */
  children: ReactNode;
  pageInfo: { hasNextPage: boolean; endCursor: string | null } | undefined;
  loading: boolean;
  onLoad: (after: string | null) => unknown;
}

/** A section card holding one cursor-paginated table: heading, error, empty text, the table and "load more". */
export function ListCard({ title, headingId, error, onRetry, loaded, rowCount, emptyText, emptyTestId, tableTestId, minWidth, columns, children, pageInfo, loading, onLoad }: ListCardProps) {
  return (
    <Card withBorder component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId} mb="sm">
        {title}
      </Title>
      <ErrorAlert error={error} onRetry={onRetry} />
      {loaded && rowCount === 0 ? <Text data-testid={emptyTestId}>{emptyText}</Text> : null}
      {rowCount > 0 ? (
        <Table.ScrollContainer minWidth={minWidth}>
          <Table striped data-testid={tableTestId}>
            <Table.Thead>
              <Table.Tr>
                {columns.map((c) => (
                  <Table.Th key={c} scope="col">
                    {c}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>{children}</Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <LoadMoreButton pageInfo={pageInfo} loading={loading} onLoad={onLoad} />
    </Card>
  );
}

import { Table, type TableProps } from '@mantine/core';
import type { ReactNode } from 'react';

/** A column heading; a column of figures is right-aligned. */
export function ColumnHeader({ children, figure = false, title }: { children: ReactNode; figure?: boolean; title?: string }) {
  return (
    <Table.Th scope="col" ta={figure ? 'right' : undefined} title={title}>
      {children}
    </Table.Th>
  );
}

interface RevenueTableProps extends Omit<TableProps, 'children'> {
  testId: string;
  /** Below this width the table scrolls sideways. */
  minWidth: number;
  /** The heading cells of the one heading row. */
  head: ReactNode;
  /** The rows. */
  children: ReactNode;
}

/** A striped table of revenue figures that scrolls sideways on narrow screens. */
export function RevenueTable({ testId, minWidth, head, children, ...props }: RevenueTableProps) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped verticalSpacing={6} data-testid={testId} {...props}>
        <Table.Thead>
          <Table.Tr>{head}</Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

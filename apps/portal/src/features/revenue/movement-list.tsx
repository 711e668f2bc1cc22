import { useQuery } from '@apollo/client/react';
import { Anchor, Stack, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LoadMoreButton } from '../../app/components/load-more-button';
import type { RevenueMovementFilter } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';
import { QueryStatus } from './query-status';
import { stepOfKind } from './revenue-figures';
import { ColumnHeader, RevenueTable } from './revenue-table';
import { RevenueMovementsDocument } from './revenue.documents';

const PAGE_SIZE = 25;
const CAUSES = ['EVENT', 'DISCOUNT_END', 'TRANSFER'] as const;
const isCause = (value: string): value is (typeof CAUSES)[number] => (CAUSES as readonly string[]).includes(value);

/** Where a movement comes from: the customer's page, with the event (or partner change) behind it marked. */
export const customerPath = (customerId: string, sourceId?: string | null): string =>
  `/revenue/customers/${customerId}${sourceId ? `?source=${encodeURIComponent(sourceId)}` : ''}`;

interface MovementListProps {
  filter: RevenueMovementFilter;
  /** Leave out the customer column (on the customer's own page). */
  withCustomer?: boolean;
}

/** The movements behind a figure, newest first; each links to the subscription event that caused it. */
export function MovementList({ filter, withCustomer = true }: MovementListProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, loading, error, fetchMore, refetch } = useQuery(RevenueMovementsDocument, {
    variables: { filter, first: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const movements = data?.revenueMovements.edges.map((edge) => edge.node) ?? [];
  const causeLabel = (cause: string) => (isCause(cause) ? t(`revenue.cause.${cause}`) : cause);
  const kindLabel = (kind: string) => {
    const step = stepOfKind(kind);
    return step ? t(`revenue.steps.${step}`) : kind;
  };

  return (
    <Stack gap="sm">
      <QueryStatus
        error={error}
        onRetry={() => void refetch()}
        waiting={loading && !data}
        empty={data !== undefined && movements.length === 0 && t('revenue.movements.empty')}
        emptyTestId="movements-empty"
      />
      {movements.length > 0 ? (
        <RevenueTable
          testId="movement-table"
          minWidth={520}
          head={
            <>
              <ColumnHeader>{t('revenue.movements.date')}</ColumnHeader>
              {withCustomer ? <ColumnHeader>{t('revenue.movements.customer')}</ColumnHeader> : null}
              {filter.kind ? null : <ColumnHeader>{t('revenue.movements.kind')}</ColumnHeader>}
              <ColumnHeader figure>{t('revenue.movements.amount')}</ColumnHeader>
              <ColumnHeader>{t('revenue.movements.cause')}</ColumnHeader>
            </>
          }
        >
          {movements.map((movement) => (
            <Table.Tr key={movement.id} data-testid="movement-row" data-kind={movement.kind}>
              <Table.Td>{format.day(movement.date)}</Table.Td>
              {withCustomer ? (
                <Table.Td>
                  <Anchor component={Link} to={customerPath(movement.customerId, movement.sourceId)} data-testid="movement-customer">
                    {movement.customerName}
                  </Anchor>
                </Table.Td>
              ) : null}
              {filter.kind ? null : <Table.Td>{kindLabel(movement.kind)}</Table.Td>}
              <Table.Td ta="right" c={Number(movement.amount) < 0 ? 'red.7' : undefined} data-testid="movement-amount">
                {format.money(movement.amount, movement.currency)}
              </Table.Td>
              <Table.Td>
                {withCustomer ? (
                  causeLabel(movement.cause)
                ) : (
                  // On the customer's page the cause marks the event behind the movement.
                  <Anchor component={Link} to={customerPath(movement.customerId, movement.sourceId)} replace data-testid="movement-source">
                    {causeLabel(movement.cause)}
                  </Anchor>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </RevenueTable>
      ) : null}
      <LoadMoreButton
        pageInfo={data?.revenueMovements.pageInfo}
        loading={loading}
        onLoad={(after) => fetchMore({ variables: { after } })}
        testId="movements-load-more"
      />
    </Stack>
  );
}

import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Stack, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useFormat } from '../../i18n/use-format';
import { OrganisationName } from '../tier-changes/organisation-name';
import { customerPath } from './movement-list';
import { QueryStatus } from './query-status';
import { ColumnHeader, RevenueTable } from './revenue-table';
import { UpcomingRenewalsDocument } from './revenue.documents';

/** Within this many days a renewal is urgent. */
const SOON_DAYS = 30;

interface RenewalsTableProps {
  organisationId?: string;
  /** Vendor-wide lists name the partner of each customer. */
  withPartner: boolean;
}

/** Active subscriptions whose contract term ends in the next 90 days, soonest first. */
export function RenewalsTable({ organisationId, withPartner }: RenewalsTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, loading, error, refetch } = useQuery(UpcomingRenewalsDocument, { variables: { organisationId }, fetchPolicy: 'cache-and-network' });
  const renewals = data?.upcomingRenewals ?? [];
  const productName = (id: string) => data?.products.find((p) => p.id === id)?.name ?? '';

  return (
    <Stack gap="sm">
      <QueryStatus
        error={error}
        onRetry={() => void refetch()}
        waiting={loading && !data}
        empty={data !== undefined && renewals.length === 0 && t('revenue.renewals.empty')}
        emptyTestId="renewals-empty"
      />
      {renewals.length > 0 ? (
        <RevenueTable
          testId="renewal-table"
          minWidth={560}
          head={
            <>
              <ColumnHeader>{t('revenue.renewals.customer')}</ColumnHeader>
              {withPartner ? <ColumnHeader>{t('revenue.renewals.partner')}</ColumnHeader> : null}
              <ColumnHeader>{t('revenue.renewals.product')}</ColumnHeader>
              <ColumnHeader>{t('revenue.renewals.termEndsOn')}</ColumnHeader>
              <ColumnHeader figure>{t('revenue.renewals.mrr')}</ColumnHeader>
            </>
          }
        >
          {renewals.map((renewal) => (
            <Table.Tr key={renewal.subscriptionId} data-testid="renewal-row">
              <Table.Td>
                <Anchor component={Link} to={customerPath(renewal.customerId)}>
                  {renewal.customerName}
                </Anchor>
              </Table.Td>
              {withPartner ? (
                <Table.Td>
                  <OrganisationName id={renewal.organisationId} to={`/revenue/partners/${renewal.organisationId}`} />
                </Table.Td>
              ) : null}
              <Table.Td>{productName(renewal.productId)}</Table.Td>
              <Table.Td>
                {format.day(renewal.termEndsOn)}{' '}
                <Badge variant="light" size="sm" color={renewal.daysLeft <= SOON_DAYS ? 'orange' : 'gray'}>
                  {t('revenue.renewals.daysLeft', { count: renewal.daysLeft })}
                </Badge>
              </Table.Td>
              <Table.Td ta="right">{format.money(renewal.mrr, renewal.currency)}</Table.Td>
            </Table.Tr>
          ))}
        </RevenueTable>
      ) : null}
    </Stack>
  );
}

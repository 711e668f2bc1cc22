import { useQuery } from '@apollo/client/react';
import { Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isPartnerRole } from '../../app/auth/roles';
import { useCurrentUser } from '../../app/auth/use-current-user';
import { LoadMoreButton } from '../../app/components/load-more-button';
import { ErrorAlert } from '../../app/errors/error-alert';
import { CsvExportButton } from '../../app/files/csv-export-button';
import { PageTitle } from '../../app/routing/page-title';
import { useSearchParamValues } from '../../app/routing/use-search-param-values';
import type { DealRegistrationFilter } from '../../gql/graphql';
import { DealListFilters } from './deal-list-filters';
import { isDealStatus } from './deal-status';
import { DealTable } from './deal-table';
import { DealRegistrationsDocument } from './deals.documents';

const PAGE_SIZE = 25;
const FILTER_KEYS = ['statuses', 'search'] as const;

/** Partners: their organisation's registrations ("My deals"). Vendor staff: every submitted registration. */
export default function DealListPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const partner = user ? isPartnerRole(user.role) : false;
  const { values, set } = useSearchParamValues(FILTER_KEYS);
  const statuses = useMemo(() => values.statuses.split(',').filter(isDealStatus), [values.statuses]);
  const filter = useMemo<DealRegistrationFilter>(
    () => ({ ...(statuses.length > 0 ? { statuses } : {}), ...(values.search.trim() ? { search: values.search.trim() } : {}) }),
    [statuses, values.search],
  );
  const { data, previousData, loading, error, fetchMore, refetch } = useQuery(DealRegistrationsDocument, {
    variables: { first: PAGE_SIZE, filter },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  // Keep showing the last result while a new filter loads, instead of flashing an empty table.
  const shown = data ?? previousData;
  const deals = shown?.dealRegistrations.edges.map((edge) => edge.node) ?? [];
  const title = partner ? t('deals.titlePartner') : t('deals.titleVendor');

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <PageTitle documentTitle={title}>{title}</PageTitle>
        <Group gap="sm" align="flex-start">
          <CsvExportButton path="/api/exports/deal-registrations.csv" params={{ statuses: filter.statuses, search: filter.search }} testId="deal-export" hint={t('deals.exportHint')} />
          {partner ? (
            <Button component={Link} to="/deals/new" data-testid="register-deal">
              {t('deals.register')}
            </Button>
          ) : null}
        </Group>
      </Group>
      <DealListFilters
        statuses={statuses}
        search={values.search}
        showDrafts={partner}
        onChange={(changes) =>
          set({
            ...(changes.statuses ? { statuses: changes.statuses.join(',') } : {}),
            ...(changes.search !== undefined ? { search: changes.search } : {}),
          })
        }
      />
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      {!shown && loading ? (
        <Center p="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : null}
      {shown && deals.length === 0 ? <Text data-testid="deals-empty">{filter.statuses || filter.search ? t('deals.emptyFiltered') : t('deals.empty')}</Text> : null}
      {deals.length > 0 ? <DealTable deals={deals} withPartner={!partner} /> : null}
      <Group justify="space-between">
        <Text size="sm" c="dimmed" role="status" aria-live="polite">
          {shown ? t('deals.shown', { count: deals.length }) : ''}
        </Text>
        <LoadMoreButton
          pageInfo={shown?.dealRegistrations.pageInfo}
          loading={loading}
          onLoad={(after) => fetchMore({ variables: { after } })}
          testId="load-more"
        />
      </Group>
    </Stack>
  );
}

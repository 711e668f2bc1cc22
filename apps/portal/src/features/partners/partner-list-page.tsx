import { useQuery } from '@apollo/client/react';
import { Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/errors/error-alert';
import { CsvExportButton } from '../../app/files/csv-export-button';
import { PageTitle } from '../../app/routing/page-title';
import { PartnerFilters } from './partner-filters';
import { usePartnerFilterState } from './partner-filter-state';
import { PartnerTable } from './partner-table';
import { PartnersDocument } from './partners.documents';

const PAGE_SIZE = 25;

export default function PartnerListPage() {
  const { t } = useTranslation();
  const { values, filter, set } = usePartnerFilterState();
  const { data, previousData, loading, error, fetchMore, refetch } = useQuery(PartnersDocument, {
    variables: { first: PAGE_SIZE, filter },
    notifyOnNetworkStatusChange: true,
  });
  // Keep showing the last result while a new filter loads, instead of flashing an empty table.
  const shown = data ?? previousData;
  const partners = shown?.partners.edges.map((edge) => edge.node) ?? [];
  const pageInfo = shown?.partners.pageInfo;
  const exportParams = useMemo(() => Object.fromEntries(Object.entries(filter).map(([key, value]) => [key, value == null ? undefined : String(value)])), [filter]);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <PageTitle documentTitle={t('partners.title')}>{t('partners.title')}</PageTitle>
        <CsvExportButton path="/api/exports/partners.csv" params={exportParams} testId="export-csv" />
      </Group>
      <PartnerFilters values={values} onChange={set} />
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      {!shown && loading ? (
        <Center p="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : null}
      {shown && partners.length === 0 ? <Text data-testid="partners-empty">{t('partners.empty')}</Text> : null}
      {partners.length > 0 ? <PartnerTable partners={partners} /> : null}
      <Group justify="space-between">
        <Text size="sm" c="dimmed" role="status" aria-live="polite">
          {shown ? t('partners.shown', { count: partners.length }) : ''}
        </Text>
        {pageInfo?.hasNextPage ? (
          <Button
            variant="light"
            data-testid="load-more"
            loading={loading}
            onClick={() => void fetchMore({ variables: { after: pageInfo.endCursor } })}
          >
            {t('actions.loadMore')}
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}

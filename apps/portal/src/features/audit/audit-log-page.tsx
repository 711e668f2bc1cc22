import { useQuery } from '@apollo/client/react';
import { Center, Loader, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadMoreButton } from '../../app/components/load-more-button';
import { ErrorAlert } from '../../app/errors/error-alert';
import { PageTitle } from '../../app/routing/page-title';
import type { AuditFilter } from '../../gql/graphql';
import { AuditEntryRow, type AuditEntry } from './audit-entry-row';
import { AuditFilters, type AuditFilterValues } from './audit-filters';
import { AuditActorsDocument, AuditLogDocument } from './audit.documents';

const toFilter = (values: AuditFilterValues): AuditFilter => {
  const filter: AuditFilter = {};
  if (values.entityType) filter.entityType = values.entityType;
  if (values.operation) filter.operation = values.operation;
  if (values.actorUserId) filter.actorUserId = values.actorUserId;
  return filter;
};

export default function AuditLogPage() {
  const { t } = useTranslation();
  const [values, setValues] = useState<AuditFilterValues>({ entityType: null, operation: null, actorUserId: null });
  const { data, previousData, loading, error, fetchMore, refetch } = useQuery(AuditLogDocument, {
    variables: { first: 25, filter: toFilter(values) },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const { data: actorsData } = useQuery(AuditActorsDocument);
  const actors = actorsData?.users.edges.map((e) => e.node) ?? [];
  const actorNames = new Map(actors.map((a) => [a.id, a.name]));

  const shown = data ?? previousData;
  const entries = shown?.auditLog.edges.map((e) => e.node) ?? [];
  const pageInfo = shown?.auditLog.pageInfo;

  const actorName = (entry: AuditEntry): string => {
    if (entry.actorUserId) return actorNames.get(entry.actorUserId) ?? t('audit.unknownUser');
    if (entry.actorApiKeyId) return t('audit.apiKey');
    return t('audit.system');
  };

  return (
    <Stack gap="md">
      <PageTitle documentTitle={t('audit.title')}>{t('audit.title')}</PageTitle>
      <AuditFilters values={values} actors={actors} onChange={setValues} />
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      {loading && !shown ? (
        <Center p="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : null}
      {shown && entries.length === 0 ? <Text>{t('audit.empty')}</Text> : null}
      {entries.length > 0 ? (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="xs" data-testid="audit-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('audit.at')}</Table.Th>
                <Table.Th scope="col">{t('audit.actor')}</Table.Th>
                <Table.Th scope="col">{t('audit.operation')}</Table.Th>
                <Table.Th scope="col">{t('audit.entity')}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t('audit.changes')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((entry) => (
                <AuditEntryRow key={entry.id} entry={entry} actorName={actorName(entry)} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <LoadMoreButton pageInfo={pageInfo} loading={loading} onLoad={(after) => fetchMore({ variables: { after } })} />
    </Stack>
  );
}

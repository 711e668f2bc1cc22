import { useQuery } from '@apollo/client/react';
import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/errors/error-alert';
import { useFormat } from '../../i18n/use-format';
import { PartnerTierHistoryDocument } from './partner-detail.documents';
import { KIND_COLOR, STATUS_COLOR } from '../tier-status/tier-change-labels';
import { LoadMoreButton } from '../../app/components/load-more-button';

interface TierHistoryProps {
  organisationId: string;
  tierName: (id: string | null) => string;
}

export function TierHistory({ organisationId, tierName }: TierHistoryProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, error, loading, fetchMore, refetch } = useQuery(PartnerTierHistoryDocument, {
    variables: { organisationId, first: 25 },
    notifyOnNetworkStatusChange: true,
  });
  const changes = data?.tierChanges.edges.map((e) => e.node) ?? [];
  const pageInfo = data?.tierChanges.pageInfo;

  if (error) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  if (data && changes.length === 0) return <Text c="dimmed">{t('history.empty')}</Text>;

  return (
    <>
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="xs" data-testid="tier-history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('history.date')}</Table.Th>
              <Table.Th scope="col">{t('history.kind')}</Table.Th>
              <Table.Th scope="col">{t('history.change')}</Table.Th>
              <Table.Th scope="col">{t('history.status')}</Table.Th>
              <Table.Th scope="col">{t('history.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {changes.map((change) => (
              <Table.Tr key={change.id}>
                <Table.Td>{format.date(change.decidedAt ?? change.proposedAt)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={KIND_COLOR[change.kind]}>
                    {t(`tierChangeKind.${change.kind}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {change.fromTierId ? `${tierName(change.fromTierId)} → ` : ''}
                  {tierName(change.toTierId)}
                </Table.Td>
                <Table.Td>
                  <Badge variant="dot" color={STATUS_COLOR[change.status]}>
                    {t(`tierChangeStatus.${change.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{change.reason ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMoreButton pageInfo={pageInfo} loading={loading} onLoad={(after) => fetchMore({ variables: { after } })} />
    </>
  );
}

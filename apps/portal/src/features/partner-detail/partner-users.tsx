import { useQuery } from '@apollo/client/react';
import { Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/errors/error-alert';
import { UserTable } from '../users/user-table';
import { PartnerUsersDocument } from './partner-detail.documents';

export function PartnerUsers({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const { data, error, loading, fetchMore, refetch } = useQuery(PartnerUsersDocument, {
    variables: { organisationId, first: 50 },
    notifyOnNetworkStatusChange: true,
  });
  const users = data?.users.edges.map((e) => e.node) ?? [];
  const pageInfo = data?.users.pageInfo;

  if (error) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  if (data && users.length === 0) return <Text c="dimmed">{t('users.empty')}</Text>;
  return (
    <>
      <UserTable users={users} />
      {pageInfo?.hasNextPage ? (
        <Button variant="light" mt="sm" loading={loading} onClick={() => void fetchMore({ variables: { after: pageInfo.endCursor } })}>
          {t('actions.loadMore')}
        </Button>
      ) : null}
    </>
  );
}

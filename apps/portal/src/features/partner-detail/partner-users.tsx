import { useQuery } from '@apollo/client/react';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/errors/error-alert';
import { UserTable } from '../users/user-table';
import { PartnerUsersDocument } from './partner-detail.documents';
import { LoadMoreButton } from '../../app/components/load-more-button';

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
      <LoadMoreButton pageInfo={pageInfo} loading={loading} onLoad={(after) => fetchMore({ variables: { after } })} />
    </>
  );
}

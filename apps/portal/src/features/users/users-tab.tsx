import type { ErrorLike } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadMoreButton } from '../../app/components/load-more-button';
import { RowActionButton } from '../../app/components/row-action-button';
import { ErrorAlert } from '../../app/errors/error-alert';
import type { UserRowFragment } from '../../gql/graphql';
import { UserTable } from './user-table';
import { DeactivateUserDocument, OrganisationUsersDocument, ReactivateUserDocument } from './users.documents';

interface StatusActionProps {
  user: UserRowFragment;
  onResult: (error: ErrorLike | null) => void;
}

function StatusAction({ user, onResult }: StatusActionProps) {
  const { t } = useTranslation();
  const [deactivate, deactivating] = useMutation(DeactivateUserDocument);
  const [reactivate, reactivating] = useMutation(ReactivateUserDocument);
  const active = user.status === 'ACTIVE';
  return (
    <RowActionButton
      label={active ? t('users.deactivate') : t('users.reactivate')}
      ariaLabel={active ? t('users.deactivateNamed', { name: user.name }) : t('users.reactivateNamed', { name: user.name })}
      color={active ? 'red' : 'teal'}
      loading={deactivating.loading || reactivating.loading}
      run={() => (active ? deactivate : reactivate)({ variables: { id: user.id } })}
      onResult={onResult}
    />
  );
}

interface UsersTabProps {
  organisationId: string | undefined;
  currentUserId: string;
}

export function UsersTab({ organisationId, currentUserId }: UsersTabProps) {
  const { t } = useTranslation();
  const [actionError, setActionError] = useState<ErrorLike | null>(null);
  const { data, error, loading, fetchMore, refetch } = useQuery(OrganisationUsersDocument, {
    variables: { organisationId, first: 50 },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const users = data?.users.edges.map((e) => e.node) ?? [];
  const pageInfo = data?.users.pageInfo;

  return (
    <Stack gap="sm">
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      <ErrorAlert error={actionError} />
      {data && users.length === 0 ? <Text c="dimmed">{t('users.empty')}</Text> : null}
      {users.length > 0 ? (
        <UserTable
          users={users}
          // Nobody can change their own status; the API refuses it too.
          actions={(user) => (user.id === currentUserId ? null : <StatusAction user={user} onResult={setActionError} />)}
        />
      ) : null}
      <LoadMoreButton pageInfo={pageInfo} loading={loading} onLoad={(after) => fetchMore({ variables: { after } })} />
    </Stack>
  );
}

import type { ErrorLike } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/errors/error-alert';
import { asErrorLike } from '../../app/errors/graphql-errors';
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
  const run = () => {
    const mutate = active ? deactivate : reactivate;
    mutate({ variables: { id: user.id } }).then(
      () => onResult(null),
      (error: unknown) => onResult(asErrorLike(error)),
    );
  };
  return (
    <Button
      size="xs"
      variant="light"
      color={active ? 'red' : 'teal'}
      loading={deactivating.loading || reactivating.loading}
      onClick={run}
      aria-label={active ? t('users.deactivateNamed', { name: user.name }) : t('users.reactivateNamed', { name: user.name })}
    >
      {active ? t('users.deactivate') : t('users.reactivate')}
    </Button>
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
      {pageInfo?.hasNextPage ? (
        <Button variant="light" w="fit-content" loading={loading} onClick={() => void fetchMore({ variables: { after: pageInfo.endCursor } })}>
          {t('actions.loadMore')}
        </Button>
      ) : null}
    </Stack>
  );
}

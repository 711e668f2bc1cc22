import type { ErrorLike } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadMoreButton } from '../../app/components/load-more-button';
import { RowActionButton } from '../../app/components/row-action-button';
import { ErrorAlert } from '../../app/errors/error-alert';
import type { InvitationRowFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';
import { INVITATION_STATE_COLOR, invitationState } from './invitation-state';
import { InvitationsDocument, RevokeInvitationDocument } from './users.documents';

function RevokeButton({ invitation, onResult }: { invitation: InvitationRowFragment; onResult: (error: ErrorLike | null) => void }) {
  const { t } = useTranslation();
  const [revoke, { loading }] = useMutation(RevokeInvitationDocument);
  return (
    <RowActionButton
      label={t('invitations.revoke')}
      ariaLabel={t('invitations.revokeNamed', { email: invitation.email })}
      loading={loading}
      run={() => revoke({ variables: { id: invitation.id } })}
      onResult={onResult}
    />
  );
}

export function InvitationsTab({ organisationId }: { organisationId: string | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [actionError, setActionError] = useState<ErrorLike | null>(null);
  const { data, error, loading, fetchMore, refetch } = useQuery(InvitationsDocument, {
    variables: { organisationId, first: 25 },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const invitations = data?.invitations.edges.map((e) => e.node) ?? [];
  const pageInfo = data?.invitations.pageInfo;

  return (
    <Stack gap="sm">
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      <ErrorAlert error={actionError} />
      {data && invitations.length === 0 ? <Text c="dimmed">{t('invitations.empty')}</Text> : null}
      {invitations.length > 0 ? (
        <Table.ScrollContainer minWidth={680}>
          <Table verticalSpacing="xs" striped data-testid="invitation-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('invitations.columns.email')}</Table.Th>
                <Table.Th scope="col">{t('invitations.columns.role')}</Table.Th>
                <Table.Th scope="col">{t('invitations.columns.state')}</Table.Th>
                <Table.Th scope="col">{t('invitations.columns.created')}</Table.Th>
                <Table.Th scope="col">{t('invitations.columns.expires')}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invitations.map((invitation) => {
                const state = invitationState(invitation);
                return (
                  <Table.Tr key={invitation.id} data-testid="invitation-row">
                    <Table.Td>
                      {invitation.email}
                      {invitation.name ? (
                        <Text size="xs" c="dimmed">
                          {invitation.name}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{t(`roles.${invitation.role}`)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={INVITATION_STATE_COLOR[state]}>
                        {t(`invitations.state.${state}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{format.date(invitation.createdAt)}</Table.Td>
                    <Table.Td>{format.dateTime(invitation.expiresAt)}</Table.Td>
                    <Table.Td ta="right">
                      {state === 'PENDING' ? <RevokeButton invitation={invitation} onResult={setActionError} /> : null}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <LoadMoreButton pageInfo={pageInfo} loading={loading} onLoad={(after) => fetchMore({ variables: { after } })} />
    </Stack>
  );
}

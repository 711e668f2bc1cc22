import type { ErrorLike } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Code, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RowActionButton } from '../../app/components/row-action-button';
import { ErrorAlert } from '../../app/errors/error-alert';
import type { ApiKeyRowFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';
import { ApiKeysDocument, RevokeApiKeyDocument } from './users.documents';

function RevokeKeyButton({ apiKey, onResult }: { apiKey: ApiKeyRowFragment; onResult: (error: ErrorLike | null) => void }) {
  const { t } = useTranslation();
  const [revoke, { loading }] = useMutation(RevokeApiKeyDocument);
  return (
    <RowActionButton
      label={t('apiKeys.revoke')}
      ariaLabel={t('apiKeys.revokeNamed', { name: apiKey.name })}
      loading={loading}
      run={() => revoke({ variables: { id: apiKey.id } })}
      onResult={onResult}
    />
  );
}

export function ApiKeysTab({ organisationId }: { organisationId: string | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [actionError, setActionError] = useState<ErrorLike | null>(null);
  const { data, error, refetch } = useQuery(ApiKeysDocument, { variables: { organisationId }, fetchPolicy: 'cache-and-network' });
  const keys = data?.apiKeys ?? [];

  return (
    <Stack gap="sm">
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      <ErrorAlert error={actionError} />
      {data && keys.length === 0 ? <Text c="dimmed">{t('apiKeys.empty')}</Text> : null}
      {keys.length > 0 ? (
        <Table.ScrollContainer minWidth={680}>
          <Table verticalSpacing="xs" striped data-testid="api-key-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('apiKeys.columns.name')}</Table.Th>
                <Table.Th scope="col">{t('apiKeys.columns.prefix')}</Table.Th>
                <Table.Th scope="col">{t('apiKeys.columns.role')}</Table.Th>
                <Table.Th scope="col">{t('apiKeys.columns.created')}</Table.Th>
                <Table.Th scope="col">{t('apiKeys.columns.lastUsed')}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {keys.map((key) => (
                <Table.Tr key={key.id} data-testid="api-key-row">
                  <Table.Td>{key.name}</Table.Td>
                  <Table.Td>
                    <Code>{key.prefix}</Code>
                  </Table.Td>
                  <Table.Td>{t(`roles.${key.role}`)}</Table.Td>
                  <Table.Td>{format.date(key.createdAt)}</Table.Td>
                  <Table.Td>{key.lastUsedAt ? format.dateTime(key.lastUsedAt) : t('users.never')}</Table.Td>
                  <Table.Td ta="right">
                    {key.revokedAt ? (
                      <Badge variant="light" color="gray">
                        {t('apiKeys.revokedOn', { date: format.date(key.revokedAt) })}
                      </Badge>
                    ) : (
                      <RevokeKeyButton apiKey={key} onResult={setActionError} />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}

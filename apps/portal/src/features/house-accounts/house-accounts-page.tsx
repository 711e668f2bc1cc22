import type { ErrorLike } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Center, Group, Loader, Modal, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, MANAGER_ROLES } from '../../app/auth/roles';
import { useCurrentUser } from '../../app/auth/use-current-user';
import { LoadMoreButton } from '../../app/components/load-more-button';
import { RowActionButton } from '../../app/components/row-action-button';
import { ErrorAlert } from '../../app/errors/error-alert';
import { CsvExportButton } from '../../app/files/csv-export-button';
import { PageTitle } from '../../app/routing/page-title';
import type { HouseAccountsQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';
import { HouseAccountForm } from './house-account-form';
import { HouseAccountImport } from './house-account-import';
import { DeleteHouseAccountDocument, HouseAccountsDocument } from './house-accounts.documents';

type HouseAccount = HouseAccountsQuery['houseAccounts']['edges'][number]['node'];

function DeleteButton({ account, onResult }: { account: HouseAccount; onResult: (error: ErrorLike | null) => void }) {
  const { t } = useTranslation();
  const [remove, { loading }] = useMutation(DeleteHouseAccountDocument, { refetchQueries: ['HouseAccounts'], awaitRefetchQueries: true });
  return (
    <RowActionButton
      label={t('houseAccounts.delete')}
      ariaLabel={t('houseAccounts.deleteNamed', { name: account.companyName })}
      loading={loading}
      run={() => remove({ variables: { id: account.id } })}
      onResult={onResult}
    />
  );
}

/** Customers the vendor sells to directly; registrations that match one are flagged for review. */
export default function HouseAccountsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useCurrentUser();
  const canManage = hasRole(user?.role, MANAGER_ROLES);
  const [adding, setAdding] = useState(false);
  const [actionError, setActionError] = useState<ErrorLike | null>(null);
  const [searchText, setSearchText] = useState('');
  const [search] = useDebouncedValue(searchText.trim(), 300);
  const { data, previousData, loading, error, fetchMore, refetch } = useQuery(HouseAccountsDocument, {
    variables: { first: 50, search: search || undefined },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const shown = data ?? previousData;
  const accounts = shown?.houseAccounts.edges.map((edge) => edge.node) ?? [];

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <PageTitle documentTitle={t('houseAccounts.title')}>{t('houseAccounts.title')}</PageTitle>
          <Text c="dimmed" size="sm" mt={-8}>
            {t('houseAccounts.intro')}
          </Text>
        </div>
        <Group gap="sm" align="flex-start">
          <CsvExportButton path="/api/exports/house-accounts.csv" params={{ search }} testId="house-account-export" hint={t('houseAccounts.exportHint')} />
          {canManage ? (
            <Button onClick={() => setAdding(true)} data-testid="house-account-add">
              {t('houseAccounts.add')}
            </Button>
          ) : null}
        </Group>
      </Group>
      {canManage ? <HouseAccountImport /> : null}
      <TextInput
        type="search"
        maw={360}
        label={t('houseAccounts.search')}
        placeholder={t('houseAccounts.searchPlaceholder')}
        value={searchText}
        onChange={(event) => setSearchText(event.currentTarget.value)}
        data-testid="house-account-search"
      />
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      <ErrorAlert error={actionError} />
      {!shown && loading ? (
        <Center p="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : null}
      {shown && accounts.length === 0 ? <Text>{t('houseAccounts.empty')}</Text> : null}
      {accounts.length > 0 ? (
        <Table.ScrollContainer minWidth={680}>
          <Table verticalSpacing="xs" striped data-testid="house-account-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('houseAccounts.companyName')}</Table.Th>
                <Table.Th scope="col">{t('houseAccounts.domain')}</Table.Th>
                <Table.Th scope="col">{t('houseAccounts.country')}</Table.Th>
                <Table.Th scope="col">{t('houseAccounts.notes')}</Table.Th>
                <Table.Th scope="col">{t('houseAccounts.added')}</Table.Th>
                {canManage ? (
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {accounts.map((account) => (
                <Table.Tr key={account.id} data-testid="house-account-row">
                  <Table.Td fw={500}>{account.companyName}</Table.Td>
                  <Table.Td>{account.domain ?? '—'}</Table.Td>
                  <Table.Td>{account.country ? format.country(account.country) : '—'}</Table.Td>
                  <Table.Td>{account.notes ?? ''}</Table.Td>
                  <Table.Td>{format.date(account.createdAt)}</Table.Td>
                  {canManage ? (
                    <Table.Td ta="right">
                      <DeleteButton account={account} onResult={setActionError} />
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <LoadMoreButton pageInfo={shown?.houseAccounts.pageInfo} loading={loading} onLoad={(after) => fetchMore({ variables: { after } })} />
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('houseAccounts.addTitle')} size="lg">
        <HouseAccountForm onDone={() => setAdding(false)} />
      </Modal>
    </Stack>
  );
}

import { Badge, Table, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserRowFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';

interface UserTableProps {
  users: readonly UserRowFragment[];
  actions?: (user: UserRowFragment) => ReactNode;
}

export function UserTable({ users, actions }: UserTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={680}>
      <Table verticalSpacing="xs" striped data-testid="user-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('users.columns.name')}</Table.Th>
            <Table.Th scope="col">{t('users.columns.email')}</Table.Th>
            <Table.Th scope="col">{t('users.columns.role')}</Table.Th>
            <Table.Th scope="col">{t('users.columns.status')}</Table.Th>
            <Table.Th scope="col">{t('users.columns.lastLogin')}</Table.Th>
            {actions ? (
              <Table.Th scope="col">
                <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
              </Table.Th>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id} data-testid="user-row">
              <Table.Td>{user.name}</Table.Td>
              <Table.Td>{user.email}</Table.Td>
              <Table.Td>{t(`roles.${user.role}`)}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={user.status === 'ACTIVE' ? 'teal' : 'gray'}>
                  {t(`userStatus.${user.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{user.lastLoginAt ? format.dateTime(user.lastLoginAt) : t('users.never')}</Table.Td>
              {actions ? <Table.Td ta="right">{actions(user)}</Table.Td> : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

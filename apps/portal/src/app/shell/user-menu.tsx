import { useApolloClient } from '@apollo/client/react';
import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { SessionUserFragment } from '../../gql/graphql';
import { signOut } from '../auth/session';

const initials = (name: string): string =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');

export function UserMenu({ user }: { user: SessionUserFragment }) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const navigate = useNavigate();

  const handleSignOut = async () => {
    try {
      await signOut(client);
    } finally {
      void navigate('/login', { replace: true });
    }
  };

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t('userMenu.open', { name: user.name })} data-testid="user-menu" p={4}>
          <Group gap="xs" wrap="nowrap">
            <Avatar size="sm" radius="xl" color="blue">
              {initials(user.name)}
            </Avatar>
            <Text size="sm" visibleFrom="sm" truncate maw={160}>
              {user.name}
            </Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)">
            {user.name}
          </Text>
          <Text size="xs">{user.email}</Text>
          <Text size="xs">
            {t(`roles.${user.role}`)}
            {user.organisation ? ` · ${user.organisation.name}` : ''}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item onClick={() => void handleSignOut()} data-testid="sign-out">
          {t('userMenu.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

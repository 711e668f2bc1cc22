import { Button, Group, Modal, Stack, Tabs } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { grantableRoles } from '../../app/auth/roles';
import { useCurrentUser } from '../../app/auth/use-current-user';
import { PageTitle } from '../../app/routing/page-title';
import { ApiKeysTab } from './api-keys-tab';
import { CreateApiKeyForm } from './create-api-key-form';
import { InvitationsTab } from './invitations-tab';
import { InviteForm } from './invite-form';
import { OrganisationPicker, type PickedOrganisation } from './organisation-picker';
import { UsersTab } from './users-tab';

type Dialog = 'invite' | 'api-key' | null;

export default function UsersPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const own: PickedOrganisation | null = user?.organisation
    ? { id: user.organisation.id, name: user.organisation.name, kind: user.organisation.kind }
    : null;
  const [picked, setPicked] = useState<PickedOrganisation | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  if (!user || !own) return null;

  const organisation = picked ?? own;
  // Partner admins are always scoped to their own organisation by the API; sending it is harmless.
  const organisationId = organisation.id;
  const roles = grantableRoles(user.role, organisation.kind);

  return (
    <Stack gap="md">
      <PageTitle documentTitle={t('users.title')}>{t('users.title')}</PageTitle>
      <Group justify="space-between" align="flex-end">
        {user.role === 'VENDOR_ADMIN' ? (
          <OrganisationPicker vendor={own} value={organisation} onChange={setPicked} />
        ) : (
          <div />
        )}
        <Group gap="sm">
          <Button onClick={() => setDialog('invite')} disabled={roles.length === 0} data-testid="open-invite">
            {t('invite.open')}
          </Button>
          <Button variant="default" onClick={() => setDialog('api-key')} disabled={roles.length === 0}>
            {t('apiKeys.open')}
          </Button>
        </Group>
      </Group>

      <Tabs defaultValue="users" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="users">{t('users.tabs.users')}</Tabs.Tab>
          <Tabs.Tab value="invitations">{t('users.tabs.invitations')}</Tabs.Tab>
          <Tabs.Tab value="api-keys">{t('users.tabs.apiKeys')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="users" pt="md">
          <UsersTab organisationId={organisationId} currentUserId={user.id} />
        </Tabs.Panel>
        <Tabs.Panel value="invitations" pt="md">
          <InvitationsTab organisationId={organisationId} />
        </Tabs.Panel>
        <Tabs.Panel value="api-keys" pt="md">
          <ApiKeysTab organisationId={organisationId} />
        </Tabs.Panel>
      </Tabs>

      <Modal opened={dialog === 'invite'} onClose={() => setDialog(null)} title={t('invite.dialogTitle')}>
        {dialog === 'invite' ? (
          <InviteForm organisationId={organisationId} organisationName={organisation.name} roles={roles} onClose={() => setDialog(null)} />
        ) : null}
      </Modal>
      <Modal opened={dialog === 'api-key'} onClose={() => setDialog(null)} title={t('apiKeys.dialogTitle', { organisation: organisation.name })}>
        {dialog === 'api-key' ? <CreateApiKeyForm organisationId={organisationId} roles={roles} onClose={() => setDialog(null)} /> : null}
      </Modal>
    </Stack>
  );
}

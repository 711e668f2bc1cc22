import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../app/errors/use-error-message';
import { useFieldErrors } from '../../app/errors/use-field-errors';
import type { Role } from '../../gql/graphql';
import { OneTimeSecret } from './one-time-secret';
import { InviteUserDocument } from './users.documents';

interface InviteFormProps {
  /** Undefined means the inviter's own organisation. */
  organisationId: string | undefined;
  organisationName: string;
  roles: readonly Role[];
  onClose: () => void;
}

export function InviteForm({ organisationId, organisationName, roles, onClose }: InviteFormProps) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role | null>(roles.at(-1) ?? null);
  const [inviteUrl, setInviteUrl] = useState<string | null>(null);
  const [invite, { loading, error }] = useMutation(InviteUserDocument, { refetchQueries: ['Invitations'] });
  const { parsed, field } = useFieldErrors(error);
  const { summary } = useErrorMessage();

  if (inviteUrl) {
    return (
      <Stack gap="md">
        <OneTimeSecret title={t('invite.sentTitle', { email })} value={inviteUrl} testId="invite-url" />
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('actions.done')}</Button>
        </Group>
      </Stack>
    );
  }

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!role) return;
    try {
      const { data } = await invite({
        variables: { input: { email: email.trim(), name: name.trim() || undefined, role, organisationId } },
      });
      if (data) setInviteUrl(data.inviteUser.inviteUrl);
    } catch {
      // Shown from the hook's `error`.
    }
  };

  const fieldNames = ['email', 'name', 'role', 'organisationId'];
  const showSummary = parsed && !fieldNames.some((f) => field(f));
  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate data-testid="invite-form">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('invite.forOrganisation', { organisation: organisationName })}
        </Text>
        {showSummary ? (
          <Alert color="red" role="alert">
            {summary(parsed)}
          </Alert>
        ) : null}
        <TextInput
          label={t('invite.email')}
          type="email"
          required
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={field('email')}
          data-testid="invite-email"
        />
        <TextInput
          label={t('invite.inviteeName')}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={field('name')}
        />
        <Select
          label={t('invite.role')}
          required
          allowDeselect={false}
          value={role}
          onChange={(value) => setRole(roles.find((r) => r === value) ?? null)}
          data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          error={field('role') ?? field('organisationId')}
          data-testid="invite-role"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" loading={loading} data-testid="invite-submit">
            {t('invite.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

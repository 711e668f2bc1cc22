import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../app/errors/use-error-message';
import { useFieldErrors } from '../../app/errors/use-field-errors';
import type { Role } from '../../gql/graphql';
import { OneTimeSecret } from './one-time-secret';
import { CreateApiKeyDocument } from './users.documents';

interface CreateApiKeyFormProps {
  organisationId: string | undefined;
  roles: readonly Role[];
  onClose: () => void;
}

export function CreateApiKeyForm({ organisationId, roles, onClose }: CreateApiKeyFormProps) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role | null>(roles.at(-1) ?? null);
  const [secret, setSecret] = useState<string | null>(null);
  const [create, { loading, error }] = useMutation(CreateApiKeyDocument, { refetchQueries: ['ApiKeys'] });
  const { parsed, field } = useFieldErrors(error);
  const { summary } = useErrorMessage();

  if (secret) {
    return (
      <Stack gap="md">
        <OneTimeSecret title={t('apiKeys.createdTitle', { name })} value={secret} testId="api-key-secret" />
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
      const { data } = await create({ variables: { input: { name: name.trim(), role, organisationId } } });
      if (data) setSecret(data.createApiKey.secret);
    } catch {
      // Shown from the hook's `error`.
    }
  };

  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate>
      <Stack gap="md">
        {parsed && !field('name') && !field('role') ? (
          <Alert color="red" role="alert">
            {summary(parsed)}
          </Alert>
        ) : null}
        <TextInput
          label={t('apiKeys.name')}
          description={t('apiKeys.nameHint')}
          required
          maxLength={100}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={field('name')}
        />
        <Select
          label={t('apiKeys.role')}
          required
          allowDeselect={false}
          value={role}
          onChange={(value) => setRole(roles.find((r) => r === value) ?? null)}
          data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          error={field('role')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" loading={loading}>
            {t('apiKeys.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

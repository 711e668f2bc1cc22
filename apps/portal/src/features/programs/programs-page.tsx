import { useQuery } from '@apollo/client/react';
import { Button, Center, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth/use-current-user';
import { ErrorAlert } from '../../app/errors/error-alert';
import { PageTitle } from '../../app/routing/page-title';
import { CreateProgramForm } from './create-program-form';
import { ProgramCard } from './program-card';
import { ProgramsDocument } from './programs.documents';

export default function ProgramsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canEdit = user?.role === 'VENDOR_ADMIN';
  const [creating, setCreating] = useState(false);
  const { data, loading, error, refetch } = useQuery(ProgramsDocument);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <PageTitle documentTitle={t('programs.title')}>{t('programs.title')}</PageTitle>
        {canEdit ? (
          <Button onClick={() => setCreating(true)} data-testid="create-program">
            {t('programs.new')}
          </Button>
        ) : null}
      </Group>
      {canEdit ? null : (
        <Text size="sm" c="dimmed" mt={-8}>
          {t('programs.readOnly')}
        </Text>
      )}
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      {loading && !data ? (
        <Center p="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : null}
      {data && data.programs.length === 0 ? <Text>{t('programs.empty')}</Text> : null}
      {data?.programs.map((program) => <ProgramCard key={program.id} program={program} canEdit={canEdit} />)}
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('programs.new')}>
        {creating ? <CreateProgramForm onDone={() => setCreating(false)} /> : null}
      </Modal>
    </Stack>
  );
}

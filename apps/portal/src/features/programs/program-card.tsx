import { Badge, Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgramsQuery, TierDetailsFragment } from '../../gql/graphql';
import { TierForm } from './tier-form';
import { TierTable } from './tier-table';

type Program = ProgramsQuery['programs'][number];
type Dialog = { kind: 'add' } | { kind: 'edit'; tier: TierDetailsFragment } | null;

export function ProgramCard({ program, canEdit }: { program: Program; canEdit: boolean }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const headingId = `program-${program.id}`;

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId} data-testid="program-card">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Group gap="xs">
              <Title order={2} size="h3" id={headingId}>
                {program.name}
              </Title>
              <Badge variant="light">{program.segment}</Badge>
              {program.active ? null : (
                <Badge variant="light" color="gray">
                  {t('programs.inactive')}
                </Badge>
              )}
            </Group>
            {program.description ? (
              <Text size="sm" c="dimmed" mt={4}>
                {program.description}
              </Text>
            ) : null}
            <Text size="xs" c="dimmed" mt={4}>
              {t('programs.graceDaysValue', { count: program.demotionGraceDays })}
            </Text>
          </div>
          {canEdit ? (
            <Button variant="light" onClick={() => setDialog({ kind: 'add' })} data-testid="add-tier">
              {t('programs.addTier')}
            </Button>
          ) : null}
        </Group>
        {program.tiers.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('programs.noTiers')}
          </Text>
        ) : (
          <TierTable tiers={program.tiers} onEdit={canEdit ? (tier) => setDialog({ kind: 'edit', tier }) : undefined} />
        )}
      </Stack>
      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        size="lg"
        title={
          dialog?.kind === 'edit'
            ? t('programs.editTierTitle', { name: dialog.tier.name })
            : t('programs.addTierTitle', { program: program.name, rank: program.tiers.length })
        }
      >
        {dialog?.kind === 'add' ? (
          <TierForm mode="create" programId={program.id} rank={program.tiers.length} onDone={() => setDialog(null)} />
        ) : null}
        {dialog?.kind === 'edit' ? <TierForm mode="edit" tier={dialog.tier} onDone={() => setDialog(null)} /> : null}
      </Modal>
    </Card>
  );
}

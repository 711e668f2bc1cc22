import { Button, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnerDetailQuery } from '../../gql/graphql';
import { TierCard } from '../tier-status/tier-card';
import { OverrideTierForm } from './override-tier-form';

type Enrolment = PartnerDetailQuery['organisation']['enrolments'][number];
type TierStatus = PartnerDetailQuery['tierStatus'][number];

interface PartnerEnrolmentsProps {
  enrolments: readonly Enrolment[];
  statuses: readonly TierStatus[];
  canOverride: boolean;
}

export function PartnerEnrolments({ enrolments, statuses, canOverride }: PartnerEnrolmentsProps) {
  const { t } = useTranslation();
  const [overriding, setOverriding] = useState<Enrolment | null>(null);

  if (enrolments.length === 0) return <Text c="dimmed">{t('partner.noEnrolments')}</Text>;

  return (
    <>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        {statuses.map((status) => {
          const enrolment = enrolments.find((e) => e.id === status.enrolment.id);
          return (
            <Stack key={status.enrolment.id} gap="xs">
              <TierCard status={status} perspective="vendor" />
              {canOverride && enrolment ? (
                <Button variant="light" color="orange" size="xs" onClick={() => setOverriding(enrolment)} data-testid="override-tier">
                  {t('override.open', { program: enrolment.program.name })}
                </Button>
              ) : null}
            </Stack>
          );
        })}
      </SimpleGrid>
      <Modal
        opened={overriding !== null}
        onClose={() => setOverriding(null)}
        title={overriding ? t('override.title', { program: overriding.program.name }) : ''}
      >
        {overriding ? <OverrideTierForm enrolment={overriding} onDone={() => setOverriding(null)} /> : null}
      </Modal>
    </>
  );
}

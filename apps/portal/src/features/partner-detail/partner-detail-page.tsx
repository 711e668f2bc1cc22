import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Button, Card, Center, Group, Loader, Modal, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { hasRole, MANAGER_ROLES } from '../../app/auth/roles';
import { useCurrentUser } from '../../app/auth/use-current-user';
import { ErrorAlert } from '../../app/errors/error-alert';
import { PageTitle } from '../../app/routing/page-title';
import { PartnerDetailDocument } from './partner-detail.documents';
import { PartnerEditForm } from './partner-edit-form';
import { PartnerEnrolments } from './partner-enrolments';
import { PartnerProfile } from './partner-profile';
import { PartnerUsers } from './partner-users';
import { TierHistory } from './tier-history';

export default function PartnerDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const [editing, setEditing] = useState(false);
  const { data, loading, error, refetch } = useQuery(PartnerDetailDocument, { variables: { id } });
  const canManage = hasRole(user?.role, MANAGER_ROLES);
  const partner = data?.organisation;

  const tierNames = new Map<string, string>();
  for (const enrolment of partner?.enrolments ?? []) {
    for (const tier of enrolment.program.tiers) tierNames.set(tier.id, tier.name);
  }
  const tierName = (tierId: string | null) => (tierId ? (tierNames.get(tierId) ?? '—') : '—');

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/partners" size="sm">
        ← {t('partner.back')}
      </Anchor>
      {loading && !data ? (
        <Center p="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : null}
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      {partner ? (
        <>
          <Group justify="space-between" align="flex-start">
            <Group gap="sm" align="center">
              <PageTitle documentTitle={partner.name}>{partner.name}</PageTitle>
              <Badge variant="light" color={partner.status === 'ACTIVE' ? 'teal' : 'gray'} mb="md">
                {t(`organisationStatus.${partner.status}`)}
              </Badge>
            </Group>
            {canManage ? (
              <Button onClick={() => setEditing(true)} data-testid="edit-partner">
                {t('partner.edit')}
              </Button>
            ) : null}
          </Group>

          <Card withBorder component="section" aria-labelledby="partner-profile-heading">
            <Title order={2} size="h4" mb="sm" id="partner-profile-heading">
              {t('partner.profile')}
            </Title>
            <PartnerProfile partner={partner} />
          </Card>

          <Stack gap="sm" component="section" aria-labelledby="partner-programs-heading">
            <Title order={2} size="h4" id="partner-programs-heading">
              {t('partner.programs')}
            </Title>
            <PartnerEnrolments enrolments={partner.enrolments} statuses={data.tierStatus} canOverride={canManage} />
          </Stack>

          <Stack gap="sm" component="section" aria-labelledby="partner-history-heading">
            <Title order={2} size="h4" id="partner-history-heading">
              {t('partner.history')}
            </Title>
            <TierHistory organisationId={partner.id} tierName={tierName} />
          </Stack>

          <Stack gap="sm" component="section" aria-labelledby="partner-users-heading">
            <Title order={2} size="h4" id="partner-users-heading">
              {t('partner.users')}
            </Title>
            <PartnerUsers organisationId={partner.id} />
          </Stack>

          <Modal opened={editing} onClose={() => setEditing(false)} title={t('partner.editTitle', { name: partner.name })} size="lg">
            <PartnerEditForm partner={partner} onDone={() => setEditing(false)} />
          </Modal>
        </>
      ) : null}
    </Stack>
  );
}

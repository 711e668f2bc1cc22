import { useQuery } from '@apollo/client/react';
import { Button, Group, Loader, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/errors/error-alert';
import { PageTitle } from '../../app/routing/page-title';
import { useFormat } from '../../i18n/use-format';
import { RevenueOverview } from '../revenue/revenue-overview';
import { TierCard } from '../tier-status/tier-card';
import { OrganisationProfileForm } from './organisation-profile-form';
import { PartnerHomeDocument } from './partner-home.documents';

export default function PartnerHomePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, loading, error, refetch } = useQuery(PartnerHomeDocument);
  const organisation = data?.me.organisation;
  const [editing, setEditing] = useState(false);

  return (
    <Stack gap="md">
      <PageTitle documentTitle={t('home.title')}>
        {organisation ? (
          <span data-testid="organisation-name">{organisation.name}</span>
        ) : (
          t('home.title')
        )}
      </PageTitle>
      <Group justify="space-between" mt={-12}>
        {organisation?.city ? (
          <Text c="dimmed">
            {organisation.city}, {format.country(organisation.country)}
          </Text>
        ) : (
          <span />
        )}
        {organisation && data?.me.role === 'PARTNER_ADMIN' ? (
          <Button variant="light" size="xs" onClick={() => setEditing(true)} data-testid="edit-own-organisation">
            {t('home.editProfile')}
          </Button>
        ) : null}
      </Group>
      {organisation ? (
        <Modal opened={editing} onClose={() => setEditing(false)} title={t('home.editProfile')} size="lg">
          <OrganisationProfileForm profile={organisation} onDone={() => setEditing(false)} />
        </Modal>
      ) : null}
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      {loading && !data ? <Loader aria-label={t('common.loading')} /> : null}
      {data && data.tierStatus.length === 0 ? <Text>{t('home.noPrograms')}</Text> : null}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        {data?.tierStatus.map((status) => (
          <TierCard key={status.enrolment.id} status={status} perspective="partner" />
        ))}
      </SimpleGrid>
      {organisation ? <RevenueOverview title={t('revenue.homeTitle')} /> : null}
    </Stack>
  );
}

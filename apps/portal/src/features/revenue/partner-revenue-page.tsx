import { useQuery } from '@apollo/client/react';
import { Anchor, Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { PageTitle } from '../../app/routing/page-title';
import { OrganisationNameDocument } from '../tier-changes/tier-changes.documents';
import { useRevenueMonth } from './month-select';
import { RevenueOverview } from './revenue-overview';

/** Vendor staff: one partner's recurring revenue, opened from the leaderboard (the same month stays chosen). */
export default function PartnerRevenuePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { month } = useRevenueMonth();
  const { data } = useQuery(OrganisationNameDocument, { variables: { id } });
  const name = data?.organisation.name;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/revenue${month ? `?month=${month}` : ''}`} size="sm">
        ← {t('revenue.partner.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <PageTitle documentTitle={name ? t('revenue.partner.title', { name }) : t('revenue.title')}>
          <span data-testid="partner-revenue-name">{name ?? ''}</span>
        </PageTitle>
        <Button component={Link} to={`/partners/${id}`} variant="light">
          {t('revenue.partner.profile')}
        </Button>
      </Group>
      <RevenueOverview organisationId={id} title={t('revenue.partner.heading')} />
    </Stack>
  );
}

import { useQuery } from '@apollo/client/react';
import { Anchor, Center, Grid, Group, Loader, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isVendorRole } from '../../app/auth/roles';
import { useCurrentUser } from '../../app/auth/use-current-user';
import { ErrorAlert } from '../../app/errors/error-alert';
import { PageTitle } from '../../app/routing/page-title';
import { DealActions } from './deal-actions';
import { DealConflicts } from './deal-conflicts';
import { DealNotices } from './deal-notices';
import { DealRulesCard } from './deal-rules-card';
import { DealStatusBadge } from './deal-status-badge';
import { dealReference } from './deal-status';
import { DealSummary } from './deal-summary';
import { DealTimeline } from './deal-timeline';
import { DealRegistrationDocument } from './deals.documents';

/** One registration: status and what to do next, its details and products, the timeline, and for reviewers the conflicts. */
export default function DealDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const vendor = user ? isVendorRole(user.role) : false;
  const { data, loading, error, refetch } = useQuery(DealRegistrationDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const deal = data?.dealRegistration;
  const backToQueue = vendor && deal?.status === 'SUBMITTED';

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={backToQueue ? '/deal-reviews' : '/deals'} size="sm">
        ← {backToQueue ? t('reviews.title') : vendor ? t('deals.titleVendor') : t('deals.titlePartner')}
      </Anchor>
      {loading && !data ? (
        <Center p="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : null}
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      {deal ? (
        <>
          <Group gap="sm" align="center">
            <PageTitle documentTitle={dealReference(deal.number)}>
              <span data-testid="deal-reference">{dealReference(deal.number)}</span> · {deal.customerName}
            </PageTitle>
            <Group mb="md">
              <DealStatusBadge status={deal.status} />
            </Group>
          </Group>
          <DealNotices deal={deal} perspective={vendor ? 'vendor' : 'partner'} />
          <DealActions deal={deal} role={user?.role} />
          {vendor && deal.status !== 'DRAFT' ? <DealConflicts deal={deal} /> : null}
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, lg: 8 }}>
              <DealSummary deal={deal} withPartner={vendor} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <Stack gap="lg">
                <DealRulesCard rules={deal.rules} />
                <Stack gap="sm" component="section" aria-labelledby="deal-timeline-heading">
                  <Title order={2} size="h4" id="deal-timeline-heading">
                    {t('dealTimeline.title')}
                  </Title>
                  <DealTimeline events={deal.timeline} />
                </Stack>
              </Stack>
            </Grid.Col>
          </Grid>
        </>
      ) : null}
    </Stack>
  );
}

import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { isVendorRole } from '../../app/auth/roles';
import { useCurrentUser } from '../../app/auth/use-current-user';
import { DetailField as Field } from '../../app/components/detail-field';
import { PageTitle } from '../../app/routing/page-title';
import { useFormat } from '../../i18n/use-format';
import { MovementList } from './movement-list';
import { QueryStatus } from './query-status';
import { RevenueCard } from './revenue-card';
import { SubscriptionEvents, useSubscriptionStatus } from './subscription-events';
import { RevenueCustomerDocument } from './revenue.documents';

/**
 * One end customer: its partner of record, each subscription with every event that changed it, and
 * the movements those events made. Opened from a movement, the event behind it is marked (`?source=`).
 */
export default function RevenueCustomerPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const source = params.get('source');
  const location = useLocation();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const vendor = user ? isVendorRole(user.role) : false;
  const statusLabel = useSubscriptionStatus();
  const { data, loading, error, refetch } = useQuery(RevenueCustomerDocument, { variables: { id } });
  const customer = data?.revenueCustomer;
  const partnerLink = (organisationId: string, name: string | undefined) =>
    vendor ? (
      <Anchor component={Link} to={`/revenue/partners/${organisationId}`}>
        {name ?? organisationId}
      </Anchor>
    ) : (
      name
    );

  return (
    <Stack gap="lg">
      <Anchor
        component="button"
        type="button"
        size="sm"
        w="fit-content"
        // Opened from a link inside the portal: back to it; opened directly: to the revenue overview.
        onClick={() => void (location.key === 'default' ? navigate(vendor ? '/revenue' : '/home') : navigate(-1))}
      >
        ← {t('revenue.customer.back')}
      </Anchor>
      <QueryStatus error={error} onRetry={() => void refetch()} waiting={loading && !data} />
      {customer ? (
        <>
          <PageTitle documentTitle={customer.name}>
            <span data-testid="customer-name">{customer.name}</span>
          </PageTitle>
          <Card withBorder>
            <SimpleGrid component="dl" m={0} cols={{ base: 1, xs: 2, md: 3 }} spacing="md" verticalSpacing="sm">
              <Field label={t('revenue.customer.partner')}>{partnerLink(customer.organisationId, customer.organisation?.name)}</Field>
              <Field label={t('revenue.customer.domain')}>{customer.domain}</Field>
              <Field label={t('revenue.customer.country')}>{customer.country ? format.country(customer.country) : null}</Field>
              <Field label={t('revenue.customer.externalId')}>{customer.externalId}</Field>
              <Field label={t('revenue.customer.added')}>{format.date(customer.createdAt)}</Field>
            </SimpleGrid>
          </Card>
          {customer.partnerHistory.length > 0 ? (
            <RevenueCard title={t('revenue.customer.history')} intro={t('revenue.customer.historyIntro')} testId="partner-history">
              <List spacing={4} size="sm">
                {customer.partnerHistory.map((record) => (
                  <List.Item key={record.id} data-highlighted={record.id === source ? 'true' : undefined}>
                    {t('revenue.customer.historyEntry', { date: format.day(record.effectiveFrom) })} {partnerLink(record.organisationId, record.organisation?.name)}
                    {record.id === source ? (
                      <Badge variant="filled" size="sm" color="orange" ml="xs">
                        {t('revenue.event.behindMovement')}
                      </Badge>
                    ) : null}
                  </List.Item>
                ))}
              </List>
            </RevenueCard>
          ) : null}
          <Stack gap="sm" component="section" aria-labelledby="customer-subscriptions-heading">
            <Title order={2} size="h4" id="customer-subscriptions-heading">
              {t('revenue.customer.subscriptions')}
            </Title>
            {customer.subscriptions.length === 0 ? <Text size="sm">{t('revenue.customer.noSubscriptions')}</Text> : null}
            {customer.subscriptions.map((subscription) => (
              <Card key={subscription.id} withBorder data-testid="subscription">
                <Group justify="space-between" align="flex-start" mb="sm">
                  <div>
                    <Title order={3} size="h5">
                      {subscription.productName ?? subscription.productId}
                    </Title>
                    <Text size="xs" c="dimmed">
                      {[subscription.externalId, subscription.termEndsOn ? t('revenue.event.termEndsOn', { date: format.day(subscription.termEndsOn) }) : null].filter(Boolean).join(' · ')}
                    </Text>
                  </div>
                  <Group gap="xs">
                    <Badge variant="light">{statusLabel(subscription.status)}</Badge>
                    <Text fw={700}>{t('revenue.customer.mrrToday', { mrr: format.money(subscription.mrr, subscription.currency) })}</Text>
                  </Group>
                </Group>
                <SubscriptionEvents events={subscription.events} highlight={source} />
              </Card>
            ))}
          </Stack>
          <RevenueCard title={t('revenue.customer.movements')} intro={t('revenue.customer.movementsIntro')} testId="customer-movements">
            <MovementList filter={{ customerId: customer.id }} withCustomer={false} />
          </RevenueCard>
        </>
      ) : null}
    </Stack>
  );
}

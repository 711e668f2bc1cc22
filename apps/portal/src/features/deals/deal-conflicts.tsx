import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Card, Grid, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DetailField as Field } from '../../app/components/detail-field';
import { ErrorAlert } from '../../app/errors/error-alert';
import type { DealConflictsQuery, DealDetailFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';
import { DealStatusBadge } from './deal-status-badge';
import { dealReference } from './deal-status';
import { CustomerFields } from './deal-summary';
import { DealConflictsDocument } from './deals.documents';

type Conflict = DealConflictsQuery['dealConflicts'][number];

const REASONS = ['SAME_DOMAIN', 'SAME_NAME', 'SIMILAR_NAME', 'SAME_COUNTRY', 'OTHER_COUNTRY'] as const;
const isKnownReason = (reason: string): reason is (typeof REASONS)[number] => (REASONS as readonly string[]).includes(reason);
const SOURCE_COLOR: Record<Conflict['source'], string> = { OTHER_PARTNER: 'red', HOUSE_ACCOUNT: 'grape', OWN_REGISTRATION: 'gray' };

function ConflictCard({ conflict }: { conflict: Conflict }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card withBorder data-testid="conflict-card">
      <Group justify="space-between" mb="xs">
        <Badge color={SOURCE_COLOR[conflict.source]} variant="light" data-testid="conflict-source">
          {t(`conflictSource.${conflict.source}`)}
        </Badge>
        <Text size="sm" fw={600} data-testid="conflict-score">
          {t('conflicts.score', { score: conflict.score })}
        </Text>
      </Group>
      <Group gap={4} mb="sm">
        {conflict.reasons.map((reason) => (
          <Badge key={reason} size="sm" variant="outline" color="gray">
            {isKnownReason(reason) ? t(`conflictReason.${reason}`) : reason}
          </Badge>
        ))}
      </Group>
      <SimpleGrid component="dl" m={0} cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="xs">
        <Field label={t('conflicts.partner')}>{conflict.source === 'HOUSE_ACCOUNT' ? t('conflicts.vendorAccount') : conflict.organisationName}</Field>
        <Field label={t('dealForm.fields.customerName')}>{conflict.customerName}</Field>
        <Field label={t('dealDetail.domain')}>{conflict.customerDomain}</Field>
        <Field label={t('dealForm.fields.customerCountry')}>{conflict.customerCountry ? format.country(conflict.customerCountry) : null}</Field>
        <Field label={t('conflicts.registration')}>
          {conflict.registrationId && conflict.registrationNumber !== null ? (
            <Anchor component={Link} to={`/deals/${conflict.registrationId}`}>
              {dealReference(conflict.registrationNumber)}
            </Anchor>
          ) : null}
        </Field>
        <Field label={t('deals.columns.status')}>{conflict.registrationStatus ? <DealStatusBadge status={conflict.registrationStatus} testId="conflict-status" /> : null}</Field>
        {conflict.protectionEndsAt ? <Field label={t('conflicts.protectedUntil')}>{format.date(conflict.protectionEndsAt)}</Field> : null}
      </SimpleGrid>
    </Card>
  );
}

/** For reviewers: this registration's customer beside every match found when it was submitted. */
export function DealConflicts({ deal }: { deal: DealDetailFragment }) {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(DealConflictsDocument, { variables: { id: deal.id }, fetchPolicy: 'cache-and-network' });
  const conflicts = data?.dealConflicts ?? [];
  return (
    <Stack gap="sm" component="section" aria-labelledby="deal-conflicts-heading" data-testid="deal-conflicts">
      <Title order={2} size="h4" id="deal-conflicts-heading">
        {t('conflicts.title')}
      </Title>
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      {data && conflicts.length === 0 ? <Text c="dimmed">{t('conflicts.none')}</Text> : null}
      {conflicts.length > 0 ? (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Card withBorder bg="var(--mantine-color-gray-light)">
              <Text fw={600} mb="xs">
                {t('conflicts.thisRegistration', { reference: dealReference(deal.number), partner: deal.organisation?.name ?? '' })}
              </Text>
              <CustomerFields deal={deal} cols={1} />
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="sm">
              {conflicts.map((conflict, index) => (
                <ConflictCard key={`${conflict.source}-${conflict.registrationId ?? conflict.houseAccountId ?? index}`} conflict={conflict} />
              ))}
            </Stack>
          </Grid.Col>
        </Grid>
      ) : null}
    </Stack>
  );
}

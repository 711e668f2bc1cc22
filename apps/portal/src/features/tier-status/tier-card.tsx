import { Card, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TierStatusCardFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';
import { PendingChangeNotice } from './pending-change-notice';
import { RuleProgress } from './rule-progress';
import { TierBenefits } from './tier-benefits';

interface TierCardProps {
  status: TierStatusCardFragment;
  /** Partner users read "Your tier"; vendor staff read "Current tier". */
  perspective: 'partner' | 'vendor';
}

export function TierCard({ status, perspective }: TierCardProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { program, currentTier, nextTier, nextTierRules, pendingChange } = status;
  const tierName = (id: string) => program.tiers.find((tier) => tier.id === id)?.name ?? '';

  return (
    <Card withBorder shadow="xs" padding="lg" component="section" data-testid="tier-card" aria-label={program.name}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Text size="sm" c="dimmed" data-testid="program-name">
              {program.name}
            </Text>
            <Title order={2} size="h4" data-testid="tier-card-heading">
              {perspective === 'partner' ? t('tierCard.headingPartner') : t('tierCard.headingVendor')}
            </Title>
          </div>
          <Text size="xl" fw={700} c="indigo.7" data-testid="tier-name">
            {currentTier.name}
          </Text>
        </Group>
        <Text size="xs" c="dimmed">
          {t('tierCard.since', { date: format.date(status.enrolment.tierSince) })}
        </Text>

        <div>
          <Title order={3} size="h6" mb="xs">
            {t('tierCard.benefits')}
          </Title>
          <TierBenefits benefits={currentTier.benefits} />
        </div>

        <Divider />

        {nextTier ? (
          <Stack gap="sm">
            <Title order={3} size="h6">
              {t('tierCard.progressTo', { tier: nextTier.name })}
            </Title>
            {nextTierRules.length === 0 ? <Text size="sm">{t('tierCard.noRules')}</Text> : null}
            {nextTierRules.map((rule) => (
              <RuleProgress key={rule.metric} rule={rule} />
            ))}
          </Stack>
        ) : (
          <Text size="sm" fw={500} data-testid="top-tier">
            {t('tierCard.topTier')}
          </Text>
        )}

        {pendingChange ? <PendingChangeNotice change={pendingChange} tierName={tierName(pendingChange.toTierId)} /> : null}
      </Stack>
    </Card>
  );
}

import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TierStatusCardFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';

export type Benefits = TierStatusCardFragment['currentTier']['benefits'];
export type BenefitKey = keyof Benefits;

export const BENEFIT_KEYS: readonly BenefitKey[] = [
  'rebateRate',
  'mdfCofundingPct',
  'dealRegistrationDiscount',
  'referralCommissionRate',
  'mdfAccrualRate',
];

/** The five benefit percentages of a tier, as a labelled list. */
export function TierBenefits({ benefits }: { benefits: Benefits }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <SimpleGrid cols={{ base: 2, xs: 3 }} spacing="sm" verticalSpacing="xs" component="dl" m={0}>
      {BENEFIT_KEYS.map((key) => (
        <Stack key={key} gap={0}>
          <Text component="dt" size="xs" c="dimmed">
            {t(`benefits.${key}`)}
          </Text>
          <Text component="dd" m={0} fw={600} data-testid={`benefit-${key}`}>
            {format.percent(benefits[key])}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}

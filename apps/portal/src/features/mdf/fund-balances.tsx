import { Card, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MdfBalancesFieldsFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';

const FIGURES = ['available', 'budget', 'reserved', 'claimed', 'approved', 'paid'] as const;

/** A fund's balances, "available" first; each with a line that says what it counts. */
export function FundBalances({ balances, narrow = false }: { balances: MdfBalancesFieldsFragment; /** In a side column: three per row at most. */ narrow?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <SimpleGrid cols={narrow ? { base: 2, sm: 3 } : { base: 2, sm: 3, lg: 6 }} spacing="sm" data-testid="fund-balances">
      {FIGURES.map((figure) => (
        <Card key={figure} withBorder padding="sm" data-testid={`balance-${figure}`}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t(`mdf.balances.${figure}`)}
          </Text>
          <Text size="xl" fw={700} c={figure === 'available' ? 'teal.8' : undefined} data-testid={`balance-${figure}-value`}>
            {format.money(balances[figure], balances.currency)}
          </Text>
          <Text size="xs" c="dimmed" mt={4}>
            {t(`mdf.balances.${figure}Hint`)}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

/** The one line a queue shows beside an item: what the fund still has, and its budget. */
export function AvailableLine({ balances }: { balances: MdfBalancesFieldsFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Text size="sm" data-testid="fund-available">
      {t('mdf.balances.availableOf', { available: format.money(balances.available, balances.currency), budget: format.money(balances.budget, balances.currency) })}
    </Text>
  );
}

import { Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TierDetailsFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';
import { BENEFIT_KEYS } from '../tier-status/tier-benefits';

interface TierTableProps {
  tiers: readonly TierDetailsFragment[];
  onEdit?: (tier: TierDetailsFragment) => void;
}

export function TierTable({ tiers, onEdit }: TierTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const sorted = [...tiers].sort((a, b) => a.rank - b.rank);
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="xs" striped withTableBorder data-testid="tier-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('programs.tier')}</Table.Th>
            {BENEFIT_KEYS.map((key) => (
              <Table.Th scope="col" key={key} ta="right">
                {t(`benefits.${key}`)}
              </Table.Th>
            ))}
            <Table.Th scope="col">{t('programs.rules')}</Table.Th>
            {onEdit ? (
              <Table.Th scope="col">
                <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
              </Table.Th>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((tier) => (
            <Table.Tr key={tier.id} data-testid="tier-row">
              <Table.Th scope="row" fw={600}>
                {tier.name}
                <Text size="xs" c="dimmed" fw={400}>
                  {t('programs.rank', { rank: tier.rank })}
                </Text>
              </Table.Th>
              {BENEFIT_KEYS.map((key) => (
                <Table.Td key={key} ta="right">
                  {format.percent(tier.benefits[key])}
                </Table.Td>
              ))}
              <Table.Td>
                {tier.rules.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('programs.noRules')}
                  </Text>
                ) : (
                  tier.rules.map((rule) => (
                    <Text key={rule.metric} size="sm">
                      {t('programs.ruleText', { metric: t(`metrics.${rule.metric}`), min: format.metric(rule.metric, rule.min) })}
                    </Text>
                  ))
                )}
              </Table.Td>
              {onEdit ? (
                <Table.Td ta="right">
                  <Button size="xs" variant="light" onClick={() => onEdit(tier)} aria-label={t('programs.editTierNamed', { name: tier.name })}>
                    {t('actions.edit')}
                  </Button>
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

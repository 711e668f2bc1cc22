import { Group, Progress, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TierStatusCardFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';

type RuleProgressData = TierStatusCardFragment['nextTierRules'][number];

const share = (current: string | null, target: string): number => {
  const goal = Number(target);
  if (goal <= 0) return 100;
  return Math.max(0, Math.min(100, (Number(current ?? '0') / goal) * 100));
};

/** One qualification rule of the next tier: a labelled bar with current / target and what is missing. */
export function RuleProgress({ rule }: { rule: RuleProgressData }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labelId = useId();
  const metric = t(`metrics.${rule.metric}`);
  const current = rule.current === null ? t('tierCard.unknown') : format.metric(rule.metric, rule.current);
  const target = format.metric(rule.metric, rule.target);
  const value = share(rule.current, rule.target);

  return (
    <Stack gap={4} data-testid="rule-progress">
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text id={labelId} size="sm" fw={500}>
          {metric}
        </Text>
        <Text size="sm" c="dimmed">
          {t('tierCard.currentOfTarget', { current, target })}
        </Text>
      </Group>
      <Progress
        value={value}
        color={rule.met ? 'teal' : 'indigo'}
        size="md"
        aria-label={t('tierCard.progressLabel', { metric, current, target })}
      />
      <Text size="xs" c={rule.met ? 'teal.8' : 'dimmed'}>
        {rule.met ? t('tierCard.ruleMet') : t('tierCard.missing', { amount: format.metric(rule.metric, rule.missing) })}
      </Text>
    </Stack>
  );
}

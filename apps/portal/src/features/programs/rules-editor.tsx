import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Metric } from '../../gql/graphql';

export const METRICS: readonly Metric[] = ['WON_DEALS', 'CERTIFIED_PEOPLE', 'T12M_ARR_SOLD', 'NRR_PCT', 'MDF_UTILISATION_PCT'];

export interface RuleDraft {
  key: number;
  metric: Metric;
  min: string;
}

interface RulesEditorProps {
  rules: readonly RuleDraft[];
  onChange: (rules: RuleDraft[]) => void;
  fieldError: (index: number, field: 'metric' | 'min') => string | undefined;
}

let nextKey = 1;
export const newRuleKey = (): number => nextKey++;

export function RulesEditor({ rules, onChange, fieldError }: RulesEditorProps) {
  const { t } = useTranslation();
  const used = new Set(rules.map((r) => r.metric));
  const available = METRICS.filter((m) => !used.has(m));

  const update = (index: number, change: Partial<RuleDraft>) =>
    onChange(rules.map((rule, i) => (i === index ? { ...rule, ...change } : rule)));

  return (
    <Stack gap="xs">
      <Text fw={500} size="sm">
        {t('programs.rules')}
      </Text>
      {rules.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('programs.noRules')}
        </Text>
      ) : null}
      {rules.map((rule, index) => (
        <Group key={rule.key} align="flex-start" gap="xs" wrap="nowrap">
          <Select
            label={t('programs.metric')}
            allowDeselect={false}
            style={{ flex: 2 }}
            value={rule.metric}
            onChange={(value) => {
              const metric = METRICS.find((m) => m === value);
              if (metric) update(index, { metric });
            }}
            data={METRICS.filter((m) => m === rule.metric || !used.has(m)).map((m) => ({ value: m, label: t(`metrics.${m}`) }))}
            error={fieldError(index, 'metric')}
          />
          <TextInput
            label={t('programs.minimum')}
            inputMode="decimal"
            required
            style={{ flex: 1 }}
            value={rule.min}
            onChange={(event) => update(index, { min: event.currentTarget.value })}
            error={fieldError(index, 'min')}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            mt={26}
            size="lg"
            aria-label={t('programs.removeRule', { metric: t(`metrics.${rule.metric}`) })}
            onClick={() => onChange(rules.filter((_, i) => i !== index))}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      {available.length > 0 ? (
        <Button
          variant="subtle"
          size="xs"
          w="fit-content"
          onClick={() => onChange([...rules, { key: newRuleKey(), metric: available[0] ?? 'WON_DEALS', min: '' }])}
        >
          {t('programs.addRule')}
        </Button>
      ) : null}
    </Stack>
  );
}

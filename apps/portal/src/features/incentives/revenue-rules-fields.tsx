import { Paper, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReferralRulesInput, RetentionRulesInput } from '../../gql/graphql';

// The RETENTION and REFERRAL parts of the plan form: their state, their inputs and the rules they send.

export interface RetentionForm {
  nrrThreshold: string;
  nrrRewardKind: 'FIXED' | 'PERCENT';
  nrrReward: string;
  expansionRate: string;
  earlyRenewalReward: string;
  clawbackDays: string;
}

export interface ReferralForm {
  rate: string;
  duration: 'MONTHS' | 'LIFETIME';
  months: string;
  clawbackDays: string;
}

export const EMPTY_RETENTION: RetentionForm = { nrrThreshold: '', nrrRewardKind: 'FIXED', nrrReward: '', expansionRate: '', earlyRenewalReward: '', clawbackDays: '' };
export const EMPTY_REFERRAL: ReferralForm = { rate: '', duration: 'MONTHS', months: '12', clawbackDays: '' };

const blankOr = (value: string): string | null => (value.trim() === '' ? null : value.trim());
const intOr = (value: string): number | null => (value.trim() === '' ? null : Number(value.trim()));

export function retentionInput(f: RetentionForm): RetentionRulesInput {
  return {
    nrrThreshold: blankOr(f.nrrThreshold),
    nrrReward: f.nrrRewardKind === 'FIXED' ? blankOr(f.nrrReward) : null,
    nrrRewardRate: f.nrrRewardKind === 'PERCENT' ? blankOr(f.nrrReward) : null,
    expansionRate: blankOr(f.expansionRate),
    earlyRenewalReward: blankOr(f.earlyRenewalReward),
    clawbackDays: intOr(f.clawbackDays),
  };
}

export function referralInput(f: ReferralForm): ReferralRulesInput {
  return { rate: f.rate.trim(), months: f.duration === 'MONTHS' ? intOr(f.months) : null, lifetime: f.duration === 'LIFETIME' ? true : null, clawbackDays: intOr(f.clawbackDays) };
}

type Under = (prefix: string) => string | undefined;

export function RetentionRulesFields({ value, onChange, under }: { value: RetentionForm; onChange: (patch: Partial<RetentionForm>) => void; under: Under }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" data-testid="retention-rules">
      <Title order={2} size="h5" mb="xs">
        {t('incentives.form.retentionRules')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('incentives.form.retentionHint')}
      </Text>
      {under('rules.retention') && !Object.keys(value).some((key) => under(`rules.retention.${key}`)) ? (
        <Text size="sm" c="red" mb="sm">
          {under('rules.retention')}
        </Text>
      ) : null}
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('incentives.form.nrrThreshold')} description={t('incentives.form.nrrThresholdHint')} value={value.nrrThreshold} onChange={(e) => onChange({ nrrThreshold: e.currentTarget.value })} error={under('rules.retention.nrrThreshold')} data-testid="retention-nrr-threshold" />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('incentives.form.nrrRewardKind')}
            </Text>
            <SegmentedControl
              size="xs"
              value={value.nrrRewardKind}
              onChange={(kind) => onChange({ nrrRewardKind: kind === 'PERCENT' ? 'PERCENT' : 'FIXED' })}
              data={[
                { value: 'FIXED', label: t('incentives.form.nrrRewardFixed') },
                { value: 'PERCENT', label: t('incentives.form.nrrRewardPercent') },
              ]}
            />
          </Stack>
          <TextInput
            label={value.nrrRewardKind === 'FIXED' ? t('incentives.form.nrrReward') : t('incentives.form.nrrRewardRate')}
            value={value.nrrReward}
            onChange={(e) => onChange({ nrrReward: e.currentTarget.value })}
            error={under(value.nrrRewardKind === 'FIXED' ? 'rules.retention.nrrReward' : 'rules.retention.nrrRewardRate')}
            data-testid="retention-nrr-reward"
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('incentives.form.expansionRate')} description={t('incentives.form.expansionRateHint')} value={value.expansionRate} onChange={(e) => onChange({ expansionRate: e.currentTarget.value })} error={under('rules.retention.expansionRate')} data-testid="retention-expansion-rate" />
          <TextInput label={t('incentives.form.earlyRenewalReward')} description={t('incentives.form.earlyRenewalRewardHint')} value={value.earlyRenewalReward} onChange={(e) => onChange({ earlyRenewalReward: e.currentTarget.value })} error={under('rules.retention.earlyRenewalReward')} data-testid="retention-early-renewal" />
          <TextInput label={t('incentives.form.clawbackDays')} description={t('incentives.form.clawbackDaysHint')} inputMode="numeric" value={value.clawbackDays} onChange={(e) => onChange({ clawbackDays: e.currentTarget.value })} error={under('rules.retention.clawbackDays')} />
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

export function ReferralRulesFields({ value, onChange, under }: { value: ReferralForm; onChange: (patch: Partial<ReferralForm>) => void; under: Under }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" data-testid="referral-rules">
      <Title order={2} size="h5" mb="xs">
        {t('incentives.form.referralRules')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('incentives.form.referralHint')}
      </Text>
      {under('rules.referral') && !['rate', 'months', 'clawbackDays'].some((key) => under(`rules.referral.${key}`)) ? (
        <Text size="sm" c="red" mb="sm">
          {under('rules.referral')}
        </Text>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('incentives.form.referralRate')} required value={value.rate} onChange={(e) => onChange({ rate: e.currentTarget.value })} error={under('rules.referral.rate')} data-testid="referral-rate" />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('incentives.form.duration')}
          </Text>
          <SegmentedControl
            value={value.duration}
            onChange={(duration) => onChange({ duration: duration === 'LIFETIME' ? 'LIFETIME' : 'MONTHS' })}
            data={[
              { value: 'MONTHS', label: t('incentives.form.durationMonths') },
              { value: 'LIFETIME', label: t('incentives.form.durationLifetime') },
            ]}
            data-testid="referral-duration"
          />
        </Stack>
        {value.duration === 'MONTHS' ? (
          <TextInput label={t('incentives.form.months')} inputMode="numeric" value={value.months} onChange={(e) => onChange({ months: e.currentTarget.value })} error={under('rules.referral.months')} data-testid="referral-months" />
        ) : null}
        <TextInput label={t('incentives.form.clawbackDays')} description={t('incentives.form.referralClawbackHint')} inputMode="numeric" value={value.clawbackDays} onChange={(e) => onChange({ clawbackDays: e.currentTarget.value })} error={under('rules.referral.clawbackDays')} />
      </SimpleGrid>
    </Paper>
  );
}

import type { ErrorLike } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { ActionIcon, Alert, Anchor, Button, Checkbox, Group, List, NumberInput, Paper, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { asErrorLike } from '../../app/errors/graphql-errors';
import { ErrorAlert } from '../../app/errors/error-alert';
import { useErrorMessage } from '../../app/errors/use-error-message';
import { useFieldErrors } from '../../app/errors/use-field-errors';
import { PageTitle } from '../../app/routing/page-title';
import type { IncentivePeriodKind, IncentiveRulesInput, RebateMeasure, RebateMode, SpifPayoutKind, SpifTierMode } from '../../gql/graphql';
import { AddIncentivePlanVersionDocument, CreateIncentivePlanDocument, IncentivePlanDocument, IncentiveProgramsDocument } from './incentives.documents';
import { ActivityRulesFields, type ActivityRewardRow, activityInput, type CourseRewardRow, EMPTY_ACTIVITY_ROWS, EMPTY_COURSE_ROWS, TrainingRulesFields, trainingInput } from './activity-training-rules-fields';
import { PlanPreviewButton } from './plan-preview';
import { EMPTY_REFERRAL, EMPTY_RETENTION, type ReferralForm, referralInput, ReferralRulesFields, type RetentionForm, retentionInput, RetentionRulesFields } from './revenue-rules-fields';

interface VolumeTier {
  from: string;
  to: string;
  rate: string;
}
interface CountTier {
  fromCount: number | string;
  toCount: number | string;
  amount: string;
  rate: string;
}

const PERIOD_KINDS: readonly IncentivePeriodKind[] = ['MONTH', 'QUARTER', 'YEAR'];
type FormKind = 'SPIF' | 'REBATE' | 'ACTIVITY' | 'TRAINING' | 'RETENTION' | 'REFERRAL';
const FORM_KINDS: readonly FormKind[] = ['SPIF', 'REBATE', 'ACTIVITY', 'TRAINING', 'RETENTION', 'REFERRAL'];
const PAYOUTS: readonly SpifPayoutKind[] = ['FIXED', 'PERCENT', 'TIERED'];
const firstOfMonth = (): string => `${new Date().toISOString().slice(0, 7)}-01`;
/** The first day of the current period of a kind (UTC), where a new plan's first version can start. */
const periodStart = (kind: IncentivePeriodKind | null): string => {
  const now = new Date();
  const month = kind === 'YEAR' ? 0 : kind === 'QUARTER' ? now.getUTCMonth() - (now.getUTCMonth() % 3) : now.getUTCMonth();
  return new Date(Date.UTC(now.getUTCFullYear(), month, 1)).toISOString().slice(0, 10);
};
const blankOr = (value: string): string | null => (value.trim() === '' ? null : value.trim());
const countOr = (value: number | string): number | null => (value === '' ? null : Number(value));

/** VENDOR_ADMIN: a new plan (`/incentives/plans/new`) or a new version of one (`/incentives/plans/:id/version`). */
export default function PlanFormPage() {
  const { id } = useParams();
  const versionOf = id ?? null;
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { detail } = useErrorMessage();
  const { data: planData } = useQuery(IncentivePlanDocument, { variables: { id: versionOf ?? '' }, skip: !versionOf });
  const existing = planData?.incentivePlan;
  const { data: programData } = useQuery(IncentiveProgramsDocument, { skip: Boolean(versionOf) });

  const [name, setName] = useState('');
  const [kindChoice, setKind] = useState<FormKind>('SPIF');
  const kind: FormKind = existing ? (FORM_KINDS.find((k) => k === existing.kind) ?? 'SPIF') : kindChoice;
  const [programId, setProgramId] = useState<string | null>(null);
  const [currency, setCurrency] = useState('EUR');
  const [periodKind, setPeriodKind] = useState<IncentivePeriodKind | null>('QUARTER');
  const [effectiveFromInput, setEffectiveFrom] = useState<string | null>(null);
  // Until someone picks a date, the plan starts with the current period of its kind.
  const effectiveFrom = effectiveFromInput ?? (existing ? periodStart(existing.periodKind) : periodStart(periodKind));
  // SPIF
  const [startsOn, setStartsOn] = useState(firstOfMonth);
  const [endsOn, setEndsOn] = useState('');
  const [payoutKind, setPayoutKind] = useState<SpifPayoutKind>('FIXED');
  const [amount, setAmount] = useState('');
  const [rate, setRate] = useState('');
  const [tierMode, setTierMode] = useState<SpifTierMode>('RETROACTIVE');
  const [countTiers, setCountTiers] = useState<CountTier[]>([{ fromCount: 1, toCount: '', amount: '', rate: '' }]);
  const [minValue, setMinValue] = useState('');
  const [repCap, setRepCap] = useState('');
  const [budget, setBudget] = useState('');
  // Rebate
  const [mode, setMode] = useState<RebateMode>('RETROACTIVE');
  const [tiers, setTiers] = useState<VolumeTier[]>([{ from: '0', to: '', rate: '' }]);
  const [measure, setMeasure] = useState<RebateMeasure>('WON_VALUE');
  const [baseRateFromTier, setBaseRateFromTier] = useState(false);
  // Retention and referral
  const [retention, setRetention] = useState<RetentionForm>(EMPTY_RETENTION);
  const [referral, setReferral] = useState<ReferralForm>(EMPTY_REFERRAL);
  // Activity and training
  const [activityRows, setActivityRows] = useState<ActivityRewardRow[]>([...EMPTY_ACTIVITY_ROWS]);
  const [courseRows, setCourseRows] = useState<CourseRewardRow[]>([...EMPTY_COURSE_ROWS]);

  const [error, setError] = useState<ErrorLike | null>(null);
  const { parsed, field } = useFieldErrors(error);
  /** Every message under a prefix (the API writes e.g. rules.rebate.tiers[1].fromMinor). */
  const under = (prefix: string): string | undefined => {
    // A prefix of the path: `…tiers[1].from` also finds `…tiers[1].fromMinor`, `rules.spif.countTiers` every row's.
    const keys = Object.keys(parsed?.fields ?? {}).filter((key) => key.startsWith(prefix));
    const messages = keys.flatMap((key) => parsed?.fields[key] ?? []).map(detail);
    return messages.length > 0 ? messages.join(' ') : undefined;
  };
  const [create, { loading: creating }] = useMutation(CreateIncentivePlanDocument, { refetchQueries: ['IncentivePlans'] });
  const [addVersion, { loading: adding }] = useMutation(AddIncentivePlanVersionDocument, { refetchQueries: ['IncentivePlans'] });

  const rules = (): IncentiveRulesInput =>
    kind === 'ACTIVITY'
      ? { activity: activityInput(activityRows) }
      : kind === 'TRAINING'
        ? { training: trainingInput(courseRows) }
        : kind === 'RETENTION'
      ? { retention: retentionInput(retention) }
      : kind === 'REFERRAL'
        ? { referral: referralInput(referral) }
        : kind === 'REBATE'
      ? { rebate: { mode, measure, baseRateFromTier: baseRateFromTier || null, tiers: tiers.map((tier) => ({ from: tier.from.trim(), to: blankOr(tier.to), rate: tier.rate.trim() })) } }
      : {
          spif: {
            startsOn,
            endsOn,
            payoutKind,
            amount: payoutKind === 'FIXED' ? blankOr(amount) : null,
            rate: payoutKind === 'PERCENT' ? blankOr(rate) : null,
            tierMode: payoutKind === 'TIERED' ? tierMode : null,
            countTiers: payoutKind === 'TIERED' ? countTiers.map((tier) => ({ fromCount: Number(tier.fromCount), toCount: countOr(tier.toCount), amount: blankOr(tier.amount), rate: blankOr(tier.rate) })) : null,
            minValue: blankOr(minValue),
            repCap: blankOr(repCap),
            budget: blankOr(budget),
          },
        };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    try {
      if (versionOf) await addVersion({ variables: { planId: versionOf, effectiveFrom, rules: rules() } });
      else await create({ variables: { input: { name: name.trim(), kind, programId, currency: currency.trim().toUpperCase(), periodKind, effectiveFrom, rules: rules() } } });
      await navigate('/incentives');
    } catch (caught) {
      setError(asErrorLike(caught));
    }
  };

  const title = existing ? t('incentives.form.versionTitle', { plan: existing.name }) : t('incentives.form.title');
  const allMessages = Object.entries(parsed?.fields ?? {});
  return (
    <Stack gap="md" maw={900}>
      <Anchor component={Link} to="/incentives" size="sm">
        {t('incentives.form.back')}
      </Anchor>
      <Group justify="space-between" align="center">
        <PageTitle documentTitle={title}>{title}</PageTitle>
        {existing ? <PlanPreviewButton planId={existing.id} planName={existing.name} size="sm" /> : null}
      </Group>
      <form onSubmit={(event) => void submit(event)} noValidate data-testid="plan-form">
        <Stack gap="md">
          {parsed && allMessages.length === 0 ? <ErrorAlert error={error} /> : null}
          {allMessages.length > 0 ? (
            <Alert color="red" title={t('errors.checkFields')} data-testid="plan-form-errors">
              <List size="sm">
                {allMessages.map(([key, messages]) => (
                  <List.Item key={key}>{messages.map(detail).join(' ')}</List.Item>
                ))}
              </List>
            </Alert>
          ) : null}
          <Paper withBorder p="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {versionOf ? null : (
                <>
                  <TextInput label={t('incentives.form.name')} required value={name} onChange={(event) => setName(event.currentTarget.value)} error={field('name')} data-testid="plan-name-input" />
                  <SegmentedControl
                    value={kind}
                    onChange={(value) => setKind(FORM_KINDS.find((k) => k === value) ?? 'SPIF')}
                    data={FORM_KINDS.map((value) => ({ value, label: t(`incentives.kind.${value}`) }))}
                    data-testid="plan-kind"
                  />
                  <Select
                    label={t('incentives.form.program')}
                    description={t('incentives.form.programHint')}
                    clearable
                    data={(programData?.programs ?? []).map((program) => ({ value: program.id, label: program.name }))}
                    value={programId}
                    onChange={setProgramId}
                    error={field('programId')}
                  />
                  <TextInput label={t('incentives.form.currency')} required maxLength={3} value={currency} onChange={(event) => setCurrency(event.currentTarget.value)} error={field('currency')} />
                  <Select
                    label={t('incentives.form.periodKind')}
                    required
                    data={PERIOD_KINDS.map((value) => ({ value, label: t(`incentives.periodKind.${value}`) }))}
                    value={periodKind}
                    onChange={(value) => setPeriodKind(PERIOD_KINDS.find((p) => p === value) ?? null)}
                    error={field('periodKind')}
                  />
                </>
              )}
              <TextInput type="date" label={t('incentives.form.effectiveFrom')} description={t('incentives.form.effectiveFromHint')} required value={effectiveFrom} onChange={(event) => setEffectiveFrom(event.currentTarget.value)} error={field('effectiveFrom')} />
            </SimpleGrid>
          </Paper>
          {kind === 'ACTIVITY' ? (
            <ActivityRulesFields rows={activityRows} onChange={setActivityRows} under={under} />
          ) : kind === 'TRAINING' ? (
            <TrainingRulesFields rows={courseRows} onChange={setCourseRows} under={under} />
          ) : kind === 'RETENTION' ? (
            <RetentionRulesFields value={retention} onChange={(patch) => setRetention((v) => ({ ...v, ...patch }))} under={under} />
          ) : kind === 'REFERRAL' ? (
            <ReferralRulesFields value={referral} onChange={(patch) => setReferral((v) => ({ ...v, ...patch }))} under={under} />
          ) : kind === 'SPIF' ? (
            <Paper withBorder p="md">
              <Title order={2} size="h5" mb="sm">
                {t('incentives.form.spifRules')}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput type="date" label={t('incentives.form.startsOn')} required value={startsOn} onChange={(event) => setStartsOn(event.currentTarget.value)} error={under('rules.spif.startsOn')} />
                <TextInput type="date" label={t('incentives.form.endsOn')} required value={endsOn} onChange={(event) => setEndsOn(event.currentTarget.value)} error={under('rules.spif.endsOn')} />
                <Select
                  label={t('incentives.form.payoutKind')}
                  data={PAYOUTS.map((value) => ({ value, label: t(`incentives.payoutKind.${value}`) }))}
                  value={payoutKind}
                  allowDeselect={false}
                  onChange={(value) => setPayoutKind(PAYOUTS.find((p) => p === value) ?? 'FIXED')}
                />
                {payoutKind === 'FIXED' ? <TextInput label={t('incentives.form.amountPerDeal')} required value={amount} onChange={(event) => setAmount(event.currentTarget.value)} error={under('rules.spif.amount')} /> : null}
                {payoutKind === 'PERCENT' ? <TextInput label={t('incentives.form.ratePercent')} required value={rate} onChange={(event) => setRate(event.currentTarget.value)} error={under('rules.spif.rate')} /> : null}
                {payoutKind === 'TIERED' ? (
                  <SegmentedControl
                    value={tierMode}
                    onChange={(value) => setTierMode(value === 'ABOVE_THRESHOLD' ? 'ABOVE_THRESHOLD' : 'RETROACTIVE')}
                    data={[
                      { value: 'RETROACTIVE', label: t('incentives.form.tierModeRetroactive') },
                      { value: 'ABOVE_THRESHOLD', label: t('incentives.form.tierModeAbove') },
                    ]}
                  />
                ) : null}
                <TextInput label={t('incentives.form.minValue')} value={minValue} onChange={(event) => setMinValue(event.currentTarget.value)} error={under('rules.spif.minValue')} />
                <TextInput label={t('incentives.form.repCap')} value={repCap} onChange={(event) => setRepCap(event.currentTarget.value)} error={under('rules.spif.repCap')} />
                <TextInput label={t('incentives.form.budget')} value={budget} onChange={(event) => setBudget(event.currentTarget.value)} error={under('rules.spif.budget')} />
              </SimpleGrid>
              {payoutKind === 'TIERED' ? (
                <Stack gap="xs" mt="md">
                  <Text fw={500}>{t('incentives.form.countTiers')}</Text>
                  <Table data-testid="count-tiers">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('incentives.form.fromCount')}</Table.Th>
                        <Table.Th>{t('incentives.form.toCount')}</Table.Th>
                        <Table.Th>{t('incentives.form.amountPerDeal')}</Table.Th>
                        <Table.Th>{t('incentives.form.ratePercent')}</Table.Th>
                        <Table.Th />
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {countTiers.map((tier, index) => {
                        const set = (patch: Partial<CountTier>) => setCountTiers((rows) => rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
                        const rowError = under(`rules.spif.countTiers[${index}]`);
                        return (
                          <Table.Tr key={index}>
                            <Table.Td>
                              <NumberInput aria-label={t('incentives.form.fromCount')} min={1} allowDecimal={false} value={tier.fromCount} onChange={(value) => set({ fromCount: value })} error={rowError} />
                            </Table.Td>
                            <Table.Td>
                              <NumberInput aria-label={t('incentives.form.toCount')} min={1} allowDecimal={false} value={tier.toCount} onChange={(value) => set({ toCount: value })} />
                            </Table.Td>
                            <Table.Td>
                              <TextInput aria-label={t('incentives.form.amountPerDeal')} value={tier.amount} onChange={(event) => set({ amount: event.currentTarget.value })} />
                            </Table.Td>
                            <Table.Td>
                              <TextInput aria-label={t('incentives.form.ratePercent')} value={tier.rate} onChange={(event) => set({ rate: event.currentTarget.value })} />
                            </Table.Td>
                            <Table.Td>
                              <ActionIcon variant="subtle" color="red" aria-label={t('incentives.form.removeTier')} disabled={countTiers.length === 1} onClick={() => setCountTiers((rows) => rows.filter((_, i) => i !== index))}>
                                ×
                              </ActionIcon>
                            </Table.Td>
                          </Table.Tr>
                        );
                      })}
                    </Table.Tbody>
                  </Table>
                  {under('rules.spif.countTiers') && !countTiers.some((_, i) => under(`rules.spif.countTiers[${i}]`)) ? (
                    <Text c="red" size="sm">
                      {under('rules.spif.countTiers')}
                    </Text>
                  ) : null}
                  <Button variant="light" w="fit-content" size="xs" onClick={() => setCountTiers((rows) => [...rows, { fromCount: '', toCount: '', amount: '', rate: '' }])}>
                    {t('incentives.form.addTier')}
                  </Button>
                </Stack>
              ) : null}
            </Paper>
          ) : (
            <Paper withBorder p="md">
              <Title order={2} size="h5" mb="sm">
                {t('incentives.form.rebateRules')}
              </Title>
              <SegmentedControl
                mb="sm"
                value={mode}
                onChange={(value) => setMode(value === 'INCREMENTAL' ? 'INCREMENTAL' : 'RETROACTIVE')}
                data={[
                  { value: 'RETROACTIVE', label: t('incentives.form.modeRetroactive') },
                  { value: 'INCREMENTAL', label: t('incentives.form.modeIncremental') },
                ]}
                data-testid="rebate-mode"
              />
              <Text size="xs" c="dimmed" mb="sm">
                {mode === 'RETROACTIVE' ? t('incentives.form.modeRetroactiveHint') : t('incentives.form.modeIncrementalHint')}
              </Text>
              <Group mb="sm" align="flex-end">
                <Select
                  label={t('incentives.form.measure')}
                  data={[
                    { value: 'WON_VALUE', label: t('incentives.form.measureWonValue') },
                    { value: 'NEW_ARR', label: t('incentives.form.measureNewArr') },
                  ]}
                  value={measure}
                  onChange={(value) => setMeasure(value === 'NEW_ARR' ? 'NEW_ARR' : 'WON_VALUE')}
                  error={under('rules.rebate.measure')}
                  allowDeselect={false}
                  data-testid="rebate-measure"
                />
                <Checkbox label={t('incentives.form.baseRateFromTier')} checked={baseRateFromTier} onChange={(event) => setBaseRateFromTier(event.currentTarget.checked)} mb={8} />
              </Group>
              <Table data-testid="rebate-tiers">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('incentives.form.from')}</Table.Th>
                    <Table.Th>{t('incentives.form.to')}</Table.Th>
                    <Table.Th>{t('incentives.form.ratePercent')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {tiers.map((tier, index) => {
                    const set = (patch: Partial<VolumeTier>) => setTiers((rows) => rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
                    const at = `rules.rebate.tiers[${index}]`;
                    return (
                      <Table.Tr key={index} data-testid="rebate-tier-row">
                        <Table.Td>
                          <TextInput aria-label={t('incentives.form.from')} value={tier.from} onChange={(event) => set({ from: event.currentTarget.value })} error={under(`${at}.from`)} />
                        </Table.Td>
                        <Table.Td>
                          <TextInput aria-label={t('incentives.form.to')} placeholder={t('incentives.form.openEnded')} value={tier.to} onChange={(event) => set({ to: event.currentTarget.value })} error={under(`${at}.to`)} />
                        </Table.Td>
                        <Table.Td>
                          <TextInput aria-label={t('incentives.form.ratePercent')} value={tier.rate} onChange={(event) => set({ rate: event.currentTarget.value })} error={under(`${at}.rate`)} />
                        </Table.Td>
                        <Table.Td>
                          <ActionIcon variant="subtle" color="red" aria-label={t('incentives.form.removeTier')} disabled={tiers.length === 1} onClick={() => setTiers((rows) => rows.filter((_, i) => i !== index))}>
                            ×
                          </ActionIcon>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
              <Button mt="xs" variant="light" size="xs" onClick={() => setTiers((rows) => [...rows, { from: rows[rows.length - 1]?.to ?? '', to: '', rate: '' }])}>
                {t('incentives.form.addTier')}
              </Button>
            </Paper>
          )}
          <Group justify="flex-end">
            <Button variant="default" component={Link} to="/incentives">
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={creating || adding} data-testid="plan-submit">
              {versionOf ? t('incentives.form.saveVersion') : t('incentives.form.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

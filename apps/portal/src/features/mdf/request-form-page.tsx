import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Fieldset, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { FormErrorSummary } from '../../app/errors/form-error-summary';
import type { ParsedError } from '../../app/errors/graphql-errors';
import { useFieldErrors } from '../../app/errors/use-field-errors';
import type { MdfActivityType, MdfFundSummaryFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';
import { AmountInput, MdfFormFrame, MdfFormLayout, SideFigure } from './mdf-form-parts';
import { amountMinor, coFundingCap, compareAmounts } from './mdf-money';
import { CreateMdfRequestDocument, MdfRequestFormDataDocument } from './mdf.documents';
import { ACTIVITY_TYPES } from './mdf-status';

interface RequestValues {
  activityType: MdfActivityType | null;
  title: string;
  description: string;
  targetAudience: string;
  startDate: string;
  endDate: string;
  plannedCost: string;
  requestedAmount: string;
  expectedLeads: string;
  expectedPipeline: string;
}

const EMPTY: RequestValues = {
  activityType: null,
  title: '',
  description: '',
  targetAudience: '',
  startDate: '',
  endDate: '',
  plannedCost: '',
  requestedAmount: '',
  expectedLeads: '',
  expectedPipeline: '',
};

type Required = 'activityType' | 'title' | 'startDate' | 'endDate' | 'plannedCost' | 'requestedAmount';
const REQUIRED: readonly Required[] = ['activityType', 'title', 'startDate', 'endDate', 'plannedCost', 'requestedAmount'];
const SHOWN = new Set<string>([...REQUIRED, 'description', 'targetAudience', 'expectedLeads', 'expectedPipeline']);

/** Partners: propose an activity against a fund. The co-funding cap is computed as the planned cost is typed, rounded down like the API. */
export default function RequestFormPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const fundId = params.get('fund') ?? '';
  const { data, loading, error, refetch } = useQuery(MdfRequestFormDataDocument, { variables: { fundId }, skip: !fundId });
  const fund = data?.mdfFund;
  const tier = data?.tierStatus.find((status) => status.program.id === fund?.programId);

  return (
    <MdfFormFrame back={{ to: '/mdf', label: t('mdf.funds.title') }} title={t('mdf.requestForm.title')} loading={loading && !data} error={error} onRetry={() => void refetch()}>
      {!fundId ? <Text>{t('mdf.requestForm.noFund')}</Text> : null}
      {fund ? <RequestForm fund={fund} cofundingPct={tier?.currentTier.benefits.mdfCofundingPct ?? null} tierName={tier?.currentTier.name ?? null} /> : null}
    </MdfFormFrame>
  );
}

function RequestForm({ fund, cofundingPct, tierName }: { fund: MdfFundSummaryFragment; cofundingPct: string | null; tierName: string | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const [values, setValues] = useState<RequestValues>(EMPTY);
  const [missing, setMissing] = useState<Required[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const [create, created] = useMutation(CreateMdfRequestDocument);
  const { parsed, field } = useFieldErrors(created.error);
  const currency = fund.currency;
  const set = <K extends keyof RequestValues>(key: K, value: RequestValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  const cap = cofundingPct === null ? null : coFundingCap(values.plannedCost, cofundingPct, currency);
  const overCap = cap !== null && compareAmounts(values.requestedAmount, cap, currency) === 1;
  const overAvailable = compareAmounts(values.requestedAmount, fund.balances.available, currency) === 1;
  const badAmount = (text: string) => text.trim() !== '' && amountMinor(text, currency) === null;

  const error = (name: keyof RequestValues): string | undefined => {
    if ((missing as readonly string[]).includes(name)) return t('mdf.requestForm.required');
    if ((name === 'plannedCost' || name === 'requestedAmount' || name === 'expectedPipeline') && badAmount(values[name])) return t('mdf.amountHint');
    if (name === 'requestedAmount' && overCap && cap) return t('mdf.requestForm.overCap', { cap: format.money(cap, currency) });
    return field(name);
  };

  const save = async (submit: boolean) => {
    setSubmitting(submit);
    const empty = REQUIRED.filter((name) => {
      const value = values[name];
      return value === null || value.trim() === '';
    });
    setMissing(empty);
    if (empty.length > 0) return;
    try {
      const result = await create({
        variables: {
          input: {
            fundId: fund.id,
            activityType: values.activityType ?? 'OTHER',
            title: values.title.trim(),
            description: values.description.trim() || undefined,
            targetAudience: values.targetAudience.trim() || undefined,
            startDate: values.startDate,
            endDate: values.endDate,
            plannedCost: values.plannedCost.trim(),
            requestedAmount: values.requestedAmount.trim(),
            expectedLeads: values.expectedLeads.trim() ? Number(values.expectedLeads.trim()) : undefined,
            expectedPipeline: values.expectedPipeline.trim() || undefined,
            submit,
          },
        },
      });
      const id = result.data?.createMdfRequest.id;
      if (id) void navigate(`/mdf/requests/${id}`);
    } catch {
      // The summary and the field messages come from `created.error`.
    }
  };

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void save(true);
  };

  const summary: ParsedError | null = missing.length > 0 ? { code: 'BAD_USER_INPUT', message: '', fields: Object.fromEntries(missing.map((name) => [name, []])) } : parsed;
  const text = (key: 'title' | 'targetAudience', required = false) => (
    <TextInput
      label={t(`mdf.requestForm.fields.${key}`)}
      required={required}
      value={values[key]}
      maxLength={key === 'title' ? 200 : 500}
      onChange={(event) => set(key, event.currentTarget.value)}
      error={error(key)}
      data-testid={`request-${key}`}
    />
  );
  const amount = (key: 'plannedCost' | 'requestedAmount' | 'expectedPipeline', required: boolean) => (
    <AmountInput
      label={t(`mdf.requestForm.fields.${key}`)}
      currency={currency}
      required={required}
      value={values[key]}
      onChange={(value) => set(key, value)}
      error={error(key)}
      testId={`request-${key}`}
    />
  );

  const side = (
    <>
      <Text size="sm" c="dimmed" mb="sm">
        {tierName && cofundingPct !== null ? t('mdf.requestForm.tierShare', { tier: tierName, pct: format.percent(cofundingPct) }) : null}
      </Text>
      <FundBalancesCompact fund={fund} />
    </>
  );

  return (
    <MdfFormLayout side={{ testId: 'request-fund', title: t('mdf.funds.fundFor', { period: fund.periodLabel }), children: side }}>
      <form onSubmit={handleSubmit} noValidate data-testid="request-form">
        <Stack gap="lg">
          <FormErrorSummary parsed={summary} isShown={(name) => SHOWN.has(name)} />
          <Fieldset legend={t('mdf.requestForm.activity')}>
            <Stack gap="md">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <Select
                  label={t('mdf.requestForm.fields.activityType')}
                  required
                  allowDeselect={false}
                  placeholder={t('mdf.requestForm.chooseType')}
                  value={values.activityType}
                  onChange={(type) => set('activityType', ACTIVITY_TYPES.find((a) => a === type) ?? null)}
                  data={ACTIVITY_TYPES.map((type) => ({ value: type, label: t(`mdf.activityType.${type}`) }))}
                  error={error('activityType')}
                  data-testid="request-activityType"
                />
                {text('title', true)}
              </SimpleGrid>
              <Textarea
                label={t('mdf.requestForm.fields.description')}
                autosize
                minRows={3}
                maxLength={5000}
                value={values.description}
                onChange={(event) => set('description', event.currentTarget.value)}
                error={error('description')}
                data-testid="request-description"
              />
              {text('targetAudience')}
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <TextInput
                  type="date"
                  label={t('mdf.requestForm.fields.startDate')}
                  required
                  min={fund.periodStart}
                  max={fund.periodEnd}
                  value={values.startDate}
                  onChange={(event) => set('startDate', event.currentTarget.value)}
                  error={error('startDate')}
                  data-testid="request-startDate"
                />
                <TextInput
                  type="date"
                  label={t('mdf.requestForm.fields.endDate')}
                  required
                  min={values.startDate || fund.periodStart}
                  max={fund.periodEnd}
                  value={values.endDate}
                  onChange={(event) => set('endDate', event.currentTarget.value)}
                  error={error('endDate')}
                  data-testid="request-endDate"
                />
              </SimpleGrid>
              <Text size="xs" c="dimmed">
                {t('mdf.requestForm.window', { from: format.day(fund.periodStart), to: format.day(fund.periodEnd) })}
              </Text>
            </Stack>
          </Fieldset>
          <Fieldset legend={t('mdf.requestForm.money')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              {amount('plannedCost', true)}
              {amount('requestedAmount', true)}
            </SimpleGrid>
            <Text size="sm" mt="sm" c={overCap ? 'red.7' : overAvailable ? 'orange.8' : undefined} role="status" aria-live="polite" data-testid="cofunding-cap" data-cap={cap ?? ''}>
              {cofundingPct === null
                ? t('mdf.requestForm.noTier')
                : cap === null
                  ? t('mdf.requestForm.capPending', { pct: format.percent(cofundingPct) })
                  : t('mdf.requestForm.cap', { cap: format.money(cap, currency), pct: format.percent(cofundingPct) })}
              {overAvailable ? ` ${t('mdf.requestForm.overAvailable', { available: format.money(fund.balances.available, currency) })}` : ''}
            </Text>
          </Fieldset>
          <Fieldset legend={t('mdf.requestForm.results')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                label={t('mdf.requestForm.fields.expectedLeads')}
                inputMode="numeric"
                value={values.expectedLeads}
                onChange={(event) => set('expectedLeads', event.currentTarget.value.replace(/\D/g, ''))}
                error={error('expectedLeads')}
                data-testid="request-expectedLeads"
              />
              {amount('expectedPipeline', false)}
            </SimpleGrid>
          </Fieldset>
          <Group justify="flex-end">
            <Button variant="default" loading={created.loading && !submitting} disabled={created.loading && submitting} onClick={() => void save(false)} data-testid="request-save-draft">
              {t('mdf.requestForm.saveDraft')}
            </Button>
            <Button type="submit" loading={created.loading && submitting} disabled={(created.loading && !submitting) || overCap} data-testid="request-submit">
              {t('mdf.requestForm.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </MdfFormLayout>
  );
}

/** Available and budget of the fund beside the form. */
function FundBalancesCompact({ fund }: { fund: MdfFundSummaryFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap={4}>
      {(['available', 'budget', 'reserved', 'paid'] as const).map((figure) => (
        <SideFigure key={figure} label={t(`mdf.balances.${figure}`)} strong={figure === 'available' ? 700 : 500}>
          {format.money(fund.balances[figure], fund.currency)}
        </SideFigure>
      ))}
      <Text size="xs" c="dimmed" mt="xs">
        {t('mdf.funds.expiresOn', { date: format.day(fund.expiresOn), days: fund.claimDeadlineDays })}
      </Text>
    </Stack>
  );
}

import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Card, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, MANAGER_ROLES } from '../../app/auth/roles';
import { useCurrentUser } from '../../app/auth/use-current-user';
import { ErrorAlert } from '../../app/errors/error-alert';
import { FormErrorSummary } from '../../app/errors/form-error-summary';
import { useFieldErrors } from '../../app/errors/use-field-errors';
import { PageTitle } from '../../app/routing/page-title';
import type { MdfBudgetKind, MdfFundAdminQuery, MdfFundPeriodKind, MdfFundSummaryFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';
import { PartnerSelect, type PickedPartner } from '../leads/partner-select';
import { MDF_REFETCH } from '../mdf/mdf-decisions';
import { amountMinor, plainAmount } from '../mdf/mdf-money';
import { type MdfColumn, MdfList, MdfTable } from '../mdf/mdf-table';
import { useRun } from '../mdf/use-run';
import {
  BulkCreateMdfFundsDocument,
  CreateMdfFundDocument,
  MdfFundAdminChoicesDocument,
  MdfFundAdminDocument,
  MdfProgramSettingsDocument,
  RecomputeMdfAccrualsDocument,
  SetMdfProgramSettingsDocument,
  UpdateMdfFundBudgetDocument,
} from './mdf-funds.documents';
import { DialogButtons } from '../../app/components/dialog-buttons';

const PAGE_SIZE = 50;
const PERIOD_KINDS: readonly MdfFundPeriodKind[] = ['QUARTER', 'HALF_YEAR', 'YEAR'];
type AdminFund = MdfFundAdminQuery['mdfFunds']['edges'][number]['node'];
type Dialog = { kind: 'allocate' } | { kind: 'bulk' } | { kind: 'budget'; fund: MdfFundSummaryFragment };

/** Vendor staff: a program's MDF settings and funds; managers allocate, bulk-create per tier, adjust budgets and recompute accruals. */
export default function MdfFundsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useCurrentUser();
  const manager = hasRole(user?.role, MANAGER_ROLES);
  const admin = user?.role === 'VENDOR_ADMIN';
  const choices = useQuery(MdfFundAdminChoicesDocument);
  const programs = choices.data?.programs ?? [];
  const [chosenProgram, setProgram] = useState<string | null>(null);
  const programId = chosenProgram ?? programs[0]?.id ?? null;
  const program = programs.find((p) => p.id === programId);
  const funds = useQuery(MdfFundAdminDocument, {
    variables: { first: PAGE_SIZE, filter: { programId: programId ?? undefined } },
    skip: !programId,
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const rows = funds.data?.mdfFunds.edges.map((edge) => edge.node) ?? [];
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [recompute, recomputing] = useMutation(RecomputeMdfAccrualsDocument, { refetchQueries: MDF_REFETCH });
  const close = () => setDialog(null);
  const columns: (MdfColumn<AdminFund> | null)[] = [
    { key: 'partner', header: t('mdf.columns.partner'), cell: (fund) => fund.organisation?.name ?? '—' },
    { key: 'period', header: t('mdf.admin.period'), cell: (fund) => fund.periodLabel },
    {
      key: 'kind',
      header: t('mdf.admin.kind'),
      cell: (fund) => (
        <>
          <Badge variant="outline" color={fund.budgetKind === 'ACCRUAL' ? 'grape' : 'gray'}>
            {t(`mdf.budgetKindShort.${fund.budgetKind}`)}
          </Badge>
          {fund.accrualRate ? (
            <Text size="xs" c="dimmed">
              {format.percent(fund.accrualRate)}
            </Text>
          ) : null}
        </>
      ),
    },
    ...(['budget', 'available', 'reserved', 'approved', 'paid'] as const).map(
      (figure): MdfColumn<AdminFund> => ({
        key: figure,
        header: t(`mdf.balances.${figure}`),
        align: 'right',
        weight: figure === 'available' ? 600 : undefined,
        cell: (fund) => format.money(fund.balances[figure], fund.currency),
      }),
    ),
    { key: 'expires', header: t('mdf.admin.expires'), cell: (fund) => (fund.status === 'OPEN' ? format.day(fund.expiresOn) : <Badge color="gray">{t('mdf.fundStatus.EXPIRED')}</Badge>) },
    manager
      ? {
          key: 'actions',
          header: '',
          cell: (fund) =>
            fund.budgetKind === 'FIXED' && fund.status === 'OPEN' ? (
              <Button size="xs" variant="light" onClick={() => setDialog({ kind: 'budget', fund })} data-testid="change-budget">
                {t('mdf.admin.changeBudget')}
              </Button>
            ) : null,
        }
      : null,
  ];

  return (
    <Stack gap="md">
      <div>
        <PageTitle documentTitle={t('mdf.admin.title')}>{t('mdf.admin.title')}</PageTitle>
        <Text c="dimmed" size="sm" mt={-8}>
          {manager ? t('mdf.admin.intro') : t('mdf.admin.introReadOnly')}
        </Text>
      </div>
      <ErrorAlert error={choices.error} onRetry={() => void choices.refetch()} />
      <Group justify="space-between" align="flex-end">
        <Select
          label={t('mdf.admin.program')}
          allowDeselect={false}
          value={programId}
          onChange={setProgram}
          data={programs.map((p) => ({ value: p.id, label: p.name }))}
          w={280}
          data-testid="admin-program"
        />
        {manager ? (
          <Group gap="sm">
            <Button onClick={() => setDialog({ kind: 'allocate' })} disabled={!programId} data-testid="allocate-fund">
              {t('mdf.admin.allocate')}
            </Button>
            <Button variant="light" onClick={() => setDialog({ kind: 'bulk' })} disabled={!programId} data-testid="bulk-create">
              {t('mdf.admin.bulk')}
            </Button>
            <Button
              variant="default"
              loading={recomputing.loading}
              onClick={() =>
                void recompute().then(
                  (result) => setNotice(t('mdf.admin.recomputed', { count: result.data?.recomputeMdfAccruals ?? 0 })),
                  () => undefined,
                )
              }
              data-testid="recompute-accruals"
            >
              {t('mdf.admin.recompute')}
            </Button>
          </Group>
        ) : null}
      </Group>
      {notice ? (
        <Alert color="teal" withCloseButton onClose={() => setNotice(null)} data-testid="admin-notice">
          {notice}
        </Alert>
      ) : null}
      <ErrorAlert error={recomputing.error} />
      {programId ? <ProgramSettingsCard programId={programId} editable={admin} /> : null}
      <MdfList
        loaded={funds.data !== undefined}
        loading={funds.loading}
        error={funds.error}
        onRetry={() => void funds.refetch()}
        empty={rows.length === 0 ? <Text data-testid="admin-funds-empty">{t('mdf.admin.noFunds')}</Text> : null}
        pageInfo={funds.data?.mdfFunds.pageInfo}
        onLoadMore={(after) => funds.fetchMore({ variables: { after } })}
      >
        <MdfTable rows={rows} columns={columns} minWidth={1000} highlightOnHover testId="admin-funds" rowTestId="admin-fund-row" rowIdAttribute="fund-id" />
      </MdfList>
      <Modal
        opened={dialog !== null}
        onClose={close}
        size="lg"
        title={dialog?.kind === 'allocate' ? t('mdf.admin.allocate') : dialog?.kind === 'bulk' ? t('mdf.admin.bulk') : t('mdf.admin.changeBudget')}
      >
        {dialog?.kind === 'allocate' && programId ? <FundForm programId={programId} tiers={null} onDone={(text) => (close(), setNotice(text))} onCancel={close} /> : null}
        {dialog?.kind === 'bulk' && programId ? <FundForm programId={programId} tiers={program?.tiers ?? []} onDone={(text) => (close(), setNotice(text))} onCancel={close} /> : null}
        {dialog?.kind === 'budget' ? <BudgetForm fund={dialog.fund} onDone={close} /> : null}
      </Modal>
    </Stack>
  );
}


/** Allocate one partner's fund (`tiers` null) or create funds for every partner of the program or of one tier. */
function FundForm({ programId, tiers, onDone, onCancel }: { programId: string; tiers: readonly { id: string; name: string }[] | null; onDone: (notice: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [partner, setPartner] = useState<PickedPartner | null>(null);
  const [tierId, setTierId] = useState<string | null>(null);
  const [periodStart, setPeriodStart] = useState(() => new Date().toISOString().slice(0, 10));
  const [budgetKind, setBudgetKind] = useState<MdfBudgetKind>('FIXED');
  const [budget, setBudget] = useState('');
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const { error, busy, run } = useRun();
  const { parsed, field } = useFieldErrors(error);
  const [create] = useMutation(CreateMdfFundDocument, { refetchQueries: MDF_REFETCH, awaitRefetchQueries: true });
  const [bulk] = useMutation(BulkCreateMdfFundsDocument, { refetchQueries: MDF_REFETCH, awaitRefetchQueries: true });
  // Funds take the program's currency.
  const currency = useQuery(MdfProgramSettingsDocument, { variables: { programId } }).data?.mdfProgramSettings.currency ?? 'EUR';
  const budgetMinor = amountMinor(budget, currency);
  const badBudget = budgetKind === 'FIXED' && (budgetMinor === null || budgetMinor <= 0n);

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTouched(true);
    if ((tiers === null && !partner) || !periodStart || badBudget) return;
    const common = { programId, periodStart, budgetKind, budget: budgetKind === 'FIXED' ? budget.trim() : undefined, reason: reason.trim() || undefined };
    void run(async () => {
      if (tiers === null && partner) {
        const result = await create({ variables: { input: { ...common, organisationId: partner.id } } });
        const fund = result.data?.createMdfFund;
        onDone(t('mdf.admin.allocated', { partner: partner.name, period: fund?.periodLabel ?? '', amount: fund ? format.money(fund.balances.budget, fund.currency) : '' }));
      } else {
        const result = await bulk({ variables: { input: { ...common, tierId: tierId ?? undefined } } });
        onDone(t('mdf.admin.bulkDone', { created: result.data?.bulkCreateMdfFunds.created ?? 0, skipped: result.data?.bulkCreateMdfFunds.skipped ?? 0 }));
      }
    });
  };

  return (
    <form onSubmit={handleSubmit} noValidate data-testid={tiers === null ? 'allocate-form' : 'bulk-form'}>
      <Stack gap="md">
        <FormErrorSummary parsed={parsed} isShown={(name) => ['budget', 'periodStart', 'organisationId', 'tierId', 'reason'].includes(name)} />
        {tiers === null ? (
          <PartnerSelect value={partner} onChange={setPartner} error={touched && !partner ? t('mdf.requestForm.required') : field('organisationId')} testId="allocate-partner" />
        ) : (
          <Select
            label={t('mdf.admin.tier')}
            placeholder={t('mdf.admin.allTiers')}
            clearable
            value={tierId}
            onChange={setTierId}
            data={tiers.map((tier) => ({ value: tier.id, label: tier.name }))}
            error={field('tierId')}
            data-testid="bulk-tier"
          />
        )}
        <TextInput
          type="date"
          label={t('mdf.admin.periodDay')}
          description={t('mdf.admin.periodDayHint')}
          required
          value={periodStart}
          onChange={(event) => setPeriodStart(event.currentTarget.value)}
          error={field('periodStart')}
          data-testid="fund-period-day"
        />
        <SegmentedControl
          value={budgetKind}
          onChange={(value) => setBudgetKind(value === 'ACCRUAL' ? 'ACCRUAL' : 'FIXED')}
          data={[
            { value: 'FIXED', label: t('mdf.budgetKind.FIXED') },
            { value: 'ACCRUAL', label: t('mdf.budgetKind.ACCRUAL') },
          ]}
          data-testid="fund-kind"
        />
        {budgetKind === 'FIXED' ? (
          <TextInput
            label={tiers === null ? t('mdf.admin.budget') : t('mdf.admin.budgetEach')}
            required
            inputMode="decimal"
            value={budget}
            onChange={(event) => setBudget(event.currentTarget.value)}
            error={touched && badBudget ? t('mdf.amountHint') : field('budget')}
            data-testid="fund-budget"
          />
        ) : (
          <Text size="sm" c="dimmed">
            {t('mdf.admin.accrualHint')}
          </Text>
        )}
        <Textarea label={t('mdf.admin.reason')} autosize minRows={2} maxLength={1000} value={reason} onChange={(event) => setReason(event.currentTarget.value)} error={field('reason')} />
        <DialogButtons busy={busy} submitLabel={tiers === null ? t('mdf.admin.allocate') : t('mdf.admin.bulk')} onCancel={onCancel} testId="fund-form-submit" />
      </Stack>
    </form>
  );
}

/** A fixed fund's new allocation, never below what is already committed (the API checks). */
function BudgetForm({ fund, onDone }: { fund: MdfFundSummaryFragment; onDone: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [budget, setBudget] = useState(fund.balances.budget);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const { error, busy, run } = useRun();
  const { parsed, field } = useFieldErrors(error);
  const [update] = useMutation(UpdateMdfFundBudgetDocument, { refetchQueries: MDF_REFETCH, awaitRefetchQueries: true });
  const bad = amountMinor(budget, fund.currency) === null;
  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTouched(true);
    if (bad || !reason.trim()) return;
    void run(async () => {
      await update({ variables: { id: fund.id, budget: budget.trim(), reason: reason.trim() } });
      onDone();
    });
  };
  const committed = (amountMinor(fund.balances.budget, fund.currency) ?? 0n) - (amountMinor(fund.balances.available, fund.currency) ?? 0n);
  return (
    <form onSubmit={handleSubmit} noValidate data-testid="budget-form">
      <Stack gap="md">
        <FormErrorSummary parsed={parsed} isShown={(name) => name === 'budget' || name === 'reason'} />
        <Text size="sm">
          {t('mdf.admin.committed', { amount: format.money(plainAmount(committed, fund.currency), fund.currency), period: fund.periodLabel })}
        </Text>
        <TextInput label={t('mdf.admin.budget')} required inputMode="decimal" value={budget} onChange={(event) => setBudget(event.currentTarget.value)} error={touched && bad ? t('mdf.amountHint') : field('budget')} data-testid="budget-amount" />
        <Textarea
          label={t('mdf.admin.reason')}
          required
          autosize
          minRows={2}
          maxLength={1000}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={touched && !reason.trim() ? t('mdf.decide.reasonRequired') : field('reason')}
          data-testid="budget-reason"
        />
        <DialogButtons busy={busy} submitLabel={t('mdf.admin.changeBudget')} onCancel={onDone} testId="budget-submit" />
      </Stack>
    </form>
  );
}

/** A program's MDF rules: fund period, claim deadline, grace before unused money lapses, currency. Vendor admins edit them. */
function ProgramSettingsCard({ programId, editable }: { programId: string; editable: boolean }) {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(MdfProgramSettingsDocument, { variables: { programId } });
  const settings = data?.mdfProgramSettings;
  return (
    <Card withBorder padding="md" data-testid="program-settings">
      <Title order={2} size="h4" mb="sm">
        {t('mdf.settings.title')}
      </Title>
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      {settings ? <SettingsForm key={`${programId}:${settings.periodKind}:${settings.claimDeadlineDays}:${settings.expiryGraceDays}:${settings.currency}`} settings={settings} editable={editable} /> : null}
    </Card>
  );
}

function SettingsForm({ settings, editable }: { settings: { programId: string; periodKind: MdfFundPeriodKind; claimDeadlineDays: number; expiryGraceDays: number; currency: string }; editable: boolean }) {
  const { t } = useTranslation();
  const [values, setValues] = useState({ periodKind: settings.periodKind, claimDeadlineDays: String(settings.claimDeadlineDays), expiryGraceDays: String(settings.expiryGraceDays), currency: settings.currency });
  const [saved, setSaved] = useState(false);
  const { error, busy, run } = useRun();
  const { parsed, field } = useFieldErrors(error);
  const [save] = useMutation(SetMdfProgramSettingsDocument);
  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    void run(async () => {
      await save({
        variables: {
          programId: settings.programId,
          input: { periodKind: values.periodKind, claimDeadlineDays: Number(values.claimDeadlineDays), expiryGraceDays: Number(values.expiryGraceDays), currency: values.currency.trim().toUpperCase() },
        },
      });
      setSaved(true);
    });
  };
  const days = (key: 'claimDeadlineDays' | 'expiryGraceDays') => (
    <TextInput
      label={t(`mdf.settings.${key}`)}
      inputMode="numeric"
      readOnly={!editable}
      value={values[key]}
      onChange={(event) => setValues((v) => ({ ...v, [key]: event.currentTarget.value.replace(/\D/g, '') }))}
      error={field(key)}
      data-testid={`settings-${key}`}
    />
  );
  return (
    <form onSubmit={handleSubmit} noValidate data-testid="settings-form">
      <Stack gap="sm">
        <FormErrorSummary parsed={parsed} isShown={(name) => ['periodKind', 'claimDeadlineDays', 'expiryGraceDays', 'currency'].includes(name)} />
        <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="md">
          <Select
            label={t('mdf.settings.periodKind')}
            allowDeselect={false}
            readOnly={!editable}
            value={values.periodKind}
            onChange={(kind) => setValues((v) => ({ ...v, periodKind: PERIOD_KINDS.find((k) => k === kind) ?? v.periodKind }))}
            data={PERIOD_KINDS.map((kind) => ({ value: kind, label: t(`mdf.periodKind.${kind}`) }))}
            error={field('periodKind')}
            data-testid="settings-periodKind"
          />
          {days('claimDeadlineDays')}
          {days('expiryGraceDays')}
          <TextInput
            label={t('mdf.settings.currency')}
            readOnly={!editable}
            maxLength={3}
            value={values.currency}
            onChange={(event) => setValues((v) => ({ ...v, currency: event.currentTarget.value }))}
            error={field('currency')}
            data-testid="settings-currency"
          />
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('mdf.settings.hint')}
        </Text>
        {editable ? (
          <Group justify="flex-end">
            {saved ? (
              <Text size="sm" c="teal.8" role="status">
                {t('mdf.settings.saved')}
              </Text>
            ) : null}
            <Button type="submit" loading={busy} data-testid="settings-save">
              {t('actions.save')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </form>
  );
}

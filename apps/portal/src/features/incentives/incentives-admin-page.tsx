import type { ErrorLike } from '@apollo/client';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Center, Checkbox, Group, Loader, Modal, NumberInput, Paper, Select, SegmentedControl, Stack, Switch, Table, Tabs, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { hasRole, MANAGER_ROLES } from '../../app/auth/roles';
import { useCurrentUser } from '../../app/auth/use-current-user';
import { LoadMoreButton } from '../../app/components/load-more-button';
import { ErrorAlert } from '../../app/errors/error-alert';
import { asErrorLike } from '../../app/errors/graphql-errors';
import { useFieldErrors } from '../../app/errors/use-field-errors';
import { CsvExportButton } from '../../app/files/csv-export-button';
import { saveBlob } from '../../app/files/save-file';
import { PageTitle } from '../../app/routing/page-title';
import type { IncentivePaymentMethod, IncentivePlanRowFragment, IncentiveStatementRowFragment, IncentiveStatementsQuery, IncentiveStatementStatus, RewardKind } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';
import {
  ApproveIncentiveStatementDocument,
  CloseIncentivePeriodDocument,
  CreateRewardDocument,
  IncentivePlansDocument,
  IncentiveProgramsDocument,
  IncentiveStatementsDocument,
  MarkIncentiveStatementsPaidDocument,
  PublishIncentivePlanDocument,
  RewardsDocument,
} from './incentives.documents';
import { PlanStatusBadge, previousPeriod, StatementStatusBadge, usePeriodLabel } from './incentive-status';
import { DialogButtons } from '../../app/components/dialog-buttons';
import { PlanPreviewButton } from './plan-preview';
import { RedemptionQueue } from './redemption-queue';

const TABS = ['plans', 'statements', 'rewards'] as const;
type Tab = (typeof TABS)[number];
const PAGE_SIZE = 50;
const REFETCH = ['IncentivePlans', 'IncentiveStatements', 'Rewards'];

/** Vendor staff: incentive plans, statement review and payout, and the rewards catalogue. */
export default function IncentivesAdminPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((candidate) => candidate === params.get('tab')) ?? 'plans';
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <PageTitle documentTitle={t('incentives.admin.title')}>{t('incentives.admin.title')}</PageTitle>
          <Text c="dimmed" size="sm" mt={-8}>
            {t('incentives.admin.intro')}
          </Text>
        </div>
        <Button component={Link} to="/incentives/measurement" variant="light" data-testid="open-measurement">
          {t('incentives.measurement.title')}
        </Button>
      </Group>
      <Tabs value={tab} onChange={(value) => setParams(value && value !== 'plans' ? { tab: value } : {})} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="plans" data-testid="tab-plans">
            {t('incentives.admin.plans')}
          </Tabs.Tab>
          <Tabs.Tab value="statements" data-testid="tab-statements">
            {t('incentives.admin.statements')}
          </Tabs.Tab>
          <Tabs.Tab value="rewards" data-testid="tab-rewards">
            {t('incentives.admin.rewards')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="plans" pt="md">
          <PlansTab />
        </Tabs.Panel>
        <Tabs.Panel value="statements" pt="md">
          <StatementsTab />
        </Tabs.Panel>
        <Tabs.Panel value="rewards" pt="md">
          <RewardsTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

// ---- plans ----

function PlansTab() {
  const { t } = useTranslation();
  const format = useFormat();
  const periodLabel = usePeriodLabel();
  const user = useCurrentUser();
  const isAdmin = user?.role === 'VENDOR_ADMIN';
  const canClose = hasRole(user?.role, MANAGER_ROLES);
  const { data, loading, error, refetch, fetchMore } = useQuery(IncentivePlansDocument, { variables: { first: PAGE_SIZE }, fetchPolicy: 'cache-and-network', notifyOnNetworkStatusChange: true });
  const plans = data?.incentivePlans.edges.map((edge) => edge.node) ?? [];
  const { data: programData } = useQuery(IncentiveProgramsDocument);
  const programName = (id: string | null): string => (id ? (programData?.programs.find((program) => program.id === id)?.name ?? '…') : t('incentives.admin.everyPartner'));
  const [publish] = useMutation(PublishIncentivePlanDocument);
  const [actionError, setActionError] = useState<ErrorLike | null>(null);
  const [closing, setClosing] = useState<IncentivePlanRowFragment | null>(null);
  const [closed, setClosed] = useState<{ plan: string; period: string; count: number } | null>(null);

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {isAdmin ? t('incentives.admin.plansIntro') : t('incentives.admin.plansIntroReadOnly')}
        </Text>
        {isAdmin ? (
          <Button component={Link} to="/incentives/plans/new" data-testid="new-plan">
            {t('incentives.admin.newPlan')}
          </Button>
        ) : null}
      </Group>
      {closed ? (
        <Alert color="teal" withCloseButton onClose={() => setClosed(null)} data-testid="close-outcome">
          {t('incentives.admin.closed', { plan: closed.plan, period: closed.period, count: closed.count })}
        </Alert>
      ) : null}
      <ErrorAlert error={error ?? actionError} onRetry={() => void refetch()} />
      {!data && loading ? <Loader aria-label={t('common.loading')} /> : null}
      {data && plans.length === 0 ? <Text>{t('incentives.admin.noPlans')}</Text> : null}
      {plans.length > 0 ? (
        <Table.ScrollContainer minWidth={900}>
          <Table striped verticalSpacing="sm" data-testid="plans-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('incentives.columns.plan')}</Table.Th>
                <Table.Th scope="col">{t('incentives.columns.kind')}</Table.Th>
                <Table.Th scope="col">{t('incentives.columns.status')}</Table.Th>
                <Table.Th scope="col">{t('incentives.columns.versions')}</Table.Th>
                <Table.Th scope="col">{t('incentives.columns.lastClosed')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plans.map((plan) => {
                const latest = plan.versions[plan.versions.length - 1];
                const lastClose = plan.closes[plan.closes.length - 1];
                return (
                  <Table.Tr key={plan.id} data-testid="plan-row" data-plan-id={plan.id}>
                    <Table.Td>
                      <Text fw={500}>{plan.name}</Text>
                      <Text size="xs" c="dimmed">
                        {programName(plan.programId)} · {t(`incentives.periodKind.${plan.periodKind}`)} · {plan.currency}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light">{t(`incentives.kind.${plan.kind}`)}</Badge>
                    </Table.Td>
                    <Table.Td>
                      <PlanStatusBadge status={plan.status} />
                    </Table.Td>
                    <Table.Td>{latest ? t('incentives.admin.versionFrom', { version: latest.version, date: format.day(latest.effectiveFrom) }) : '—'}</Table.Td>
                    <Table.Td>{lastClose ? periodLabel(lastClose.period, format.month) : '—'}</Table.Td>
                    <Table.Td>
                      <Group gap="xs">
                        {isAdmin && plan.status === 'DRAFT' ? (
                          <Button
                            size="xs"
                            variant="light"
                            data-testid="plan-publish"
                            onClick={() => {
                              setActionError(null);
                              publish({ variables: { id: plan.id } }).catch((caught: unknown) => setActionError(asErrorLike(caught)));
                            }}
                          >
                            {t('incentives.admin.publish')}
                          </Button>
                        ) : null}
                        {isAdmin ? (
                          <Button size="xs" variant="subtle" component={Link} to={`/incentives/plans/${plan.id}/version`} data-testid="plan-add-version">
                            {t('incentives.admin.addVersion')}
                          </Button>
                        ) : null}
                        <PlanPreviewButton planId={plan.id} planName={plan.name} />
                        {canClose && plan.status === 'PUBLISHED' ? (
                          <Button size="xs" variant="subtle" onClick={() => setClosing(plan)} data-testid="plan-close-period">
                            {t('incentives.admin.closePeriod')}
                          </Button>
                        ) : null}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <LoadMoreButton pageInfo={data?.incentivePlans.pageInfo} loading={loading} onLoad={(after) => fetchMore({ variables: { after } })} />
      <Modal opened={closing !== null} onClose={() => setClosing(null)} title={t('incentives.admin.closePeriodTitle', { plan: closing?.name ?? '' })}>
        {closing ? (
          <ClosePeriodForm
            plan={closing}
            onCancel={() => setClosing(null)}
            onDone={(result) => {
              setClosing(null);
              setClosed(result);
            }}
          />
        ) : null}
      </Modal>
    </Stack>
  );
}

function ClosePeriodForm({ plan, onCancel, onDone }: { plan: IncentivePlanRowFragment; onCancel: () => void; onDone: (result: { plan: string; period: string; count: number }) => void }) {
  const { t } = useTranslation();
  const [period, setPeriod] = useState(() => previousPeriod(plan.periodKind));
  const [error, setError] = useState<ErrorLike | null>(null);
  const [close, { loading }] = useMutation(CloseIncentivePeriodDocument, { refetchQueries: REFETCH, awaitRefetchQueries: true });
  const { field } = useFieldErrors(error);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    try {
      const result = await close({ variables: { planId: plan.id, period: period.trim() } });
      onDone({ plan: plan.name, period: period.trim(), count: result.data?.closeIncentivePeriod.statementCount ?? 0 });
    } catch (caught) {
      setError(asErrorLike(caught));
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="close-period-form">
      <Stack gap="md">
        <Text size="sm">{t('incentives.admin.closePeriodIntro')}</Text>
        {field('period') ? null : <ErrorAlert error={error} />}
        <TextInput label={t('incentives.admin.period')} description={t(`incentives.admin.periodHint.${plan.periodKind}`)} value={period} onChange={(event) => setPeriod(event.currentTarget.value)} error={field('period')} data-testid="close-period-input" />
        <DialogButtons busy={loading} submitLabel={t('incentives.admin.closePeriod')} onCancel={onCancel} testId="close-period-submit" />
      </Stack>
    </form>
  );
}

// ---- statements ----

const STATUS_FILTERS = ['ALL', 'DRAFT', 'APPROVED', 'PAID'] as const;
type StatusFilter = (typeof STATUS_FILTERS)[number];

/** One CSV cell: quoted when it holds a comma, quote or line break; a leading formula character is neutralised. */
const csvCell = (value: string | number | null | undefined): string => {
  const text = value === null || value === undefined ? '' : String(value);
  const safe = /^[=+\-@]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

function StatementsTab() {
  const { t } = useTranslation();
  const format = useFormat();
  const periodLabel = usePeriodLabel();
  const client = useApolloClient();
  const user = useCurrentUser();
  const canDecide = hasRole(user?.role, MANAGER_ROLES);
  const [status, setStatus] = useState<StatusFilter>('ALL');
  const filter = status === 'ALL' ? {} : { status: status satisfies IncentiveStatementStatus };
  const { data, loading, error, refetch, fetchMore } = useQuery(IncentiveStatementsDocument, { variables: { first: PAGE_SIZE, filter }, fetchPolicy: 'cache-and-network', notifyOnNetworkStatusChange: true });
  const partnerName = (row: IncentiveStatementRowFragment): string => row.organisation?.name ?? row.organisationId;
  const rows = data?.incentiveStatements.edges.map((edge) => edge.node) ?? [];
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const chosen = rows.filter((row) => selected.has(row.id) && row.status === 'APPROVED');
  // The statements being paid, kept while the dialog closes so its title does not change under it.
  const [paying, setPaying] = useState<readonly IncentiveStatementRowFragment[] | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [actionError, setActionError] = useState<ErrorLike | null>(null);
  const [exporting, setExporting] = useState(false);
  const [approve] = useMutation(ApproveIncentiveStatementDocument);
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  /** The payout file: every statement of the current filter (all pages), built here from the statements query. */
  const exportCsv = async () => {
    setExporting(true);
    setActionError(null);
    try {
      const all: IncentiveStatementRowFragment[] = [];
      let after: string | null = null;
      for (;;) {
        const page: { data?: IncentiveStatementsQuery | undefined } = await client.query({ query: IncentiveStatementsDocument, variables: { first: 100, after, filter }, fetchPolicy: 'network-only' });
        const connection: IncentiveStatementsQuery['incentiveStatements'] | undefined = page.data?.incentiveStatements;
        if (!connection) break;
        all.push(...connection.edges.map((edge) => edge.node));
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor;
      }
      const header = ['statementId', 'planId', 'plan', 'period', 'organisationId', 'partner', 'userId', 'status', 'currency', 'total', 'lineCount', 'paymentMethod', 'pointsAwarded', 'approvedAt', 'paidAt', 'daysToPayment'];
      const lines = all.map((s) =>
        [s.id, s.planId, s.plan?.name, s.period, s.organisationId, partnerName(s), s.userId, s.status, s.currency, s.total, s.lineCount, s.paymentMethod, s.pointsAwarded, s.approvedAt, s.paidAt, s.daysToPayment].map(csvCell).join(','),
      );
      const csv = `\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`;
      saveBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `incentive-payouts-${new Date().toISOString().slice(0, 10)}.csv`);
    } catch (caught) {
      setActionError(asErrorLike(caught));
    } finally {
      setExporting(false);
    }
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <SegmentedControl value={status} onChange={(value) => setStatus(STATUS_FILTERS.find((s) => s === value) ?? 'ALL')} data={STATUS_FILTERS.map((value) => ({ value, label: value === 'ALL' ? t('common.all') : t(`incentives.statementStatus.${value}`) }))} data-testid="statement-filter" />
        <Group gap="xs" align="flex-start">
          <Button variant="default" loading={exporting} onClick={() => void exportCsv()} data-testid="payout-export">
            {t('incentives.admin.payoutExport')}
          </Button>
          <CsvExportButton
            path="/api/incentives/statements/payout.csv"
            params={{ statementIds: chosen.map((row) => row.id) }}
            testId="payout-file"
            label={chosen.length > 0 ? t('incentives.admin.payoutFileSelected', { count: chosen.length }) : t('incentives.admin.payoutFile')}
            hint={t('incentives.admin.payoutFileHint')}
          />
        </Group>
      </Group>
      {canDecide ? (
        <Paper withBorder p="sm">
          <Group justify="space-between">
            <Text size="sm" role="status" aria-live="polite">
              {chosen.length === 0 ? t('incentives.admin.noneSelected') : t('incentives.admin.selected', { count: chosen.length })}
            </Text>
            <Button color="teal" disabled={chosen.length === 0} onClick={() => setPaying(chosen)} data-testid="statements-mark-paid">
              {t('incentives.admin.markPaid')}
            </Button>
          </Group>
        </Paper>
      ) : null}
      {outcome ? (
        <Alert color="teal" withCloseButton onClose={() => setOutcome(null)} data-testid="pay-outcome">
          {outcome}
        </Alert>
      ) : null}
      <ErrorAlert error={error ?? actionError} onRetry={() => void refetch()} />
      {!data && loading ? (
        <Center>
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : null}
      {data && rows.length === 0 ? <Text>{t('incentives.admin.noStatements')}</Text> : null}
      {rows.length > 0 ? (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover verticalSpacing="sm" data-testid="review-statements">
            <Table.Thead>
              <Table.Tr>
                {canDecide ? <Table.Th w={40} /> : null}
                <Table.Th scope="col">{t('incentives.columns.plan')}</Table.Th>
                <Table.Th scope="col">{t('incentives.columns.beneficiary')}</Table.Th>
                <Table.Th scope="col">{t('incentives.columns.period')}</Table.Th>
                <Table.Th scope="col">{t('incentives.columns.status')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('incentives.columns.total')}
                </Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.id} data-testid="review-statement-row" data-statement-id={row.id}>
                  {canDecide ? (
                    <Table.Td>
                      {row.status === 'APPROVED' ? <Checkbox aria-label={t('incentives.admin.select')} checked={selected.has(row.id)} onChange={() => toggle(row.id)} data-testid="statement-select" /> : null}
                    </Table.Td>
                  ) : null}
                  <Table.Td>
                    <Anchor component={Link} to={`/rewards/statements/${row.id}`}>
                      {row.plan?.name ?? t('incentives.unknownPlan')}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {partnerName(row)}
                    {row.userId ? (
                      <Text size="xs" c="dimmed" data-testid="statement-rep">
                        {row.repName ? t('incentives.admin.repStatementOf', { name: row.repName }) : t('incentives.admin.repStatement')}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{periodLabel(row.period, format.month)}</Table.Td>
                  <Table.Td>
                    <StatementStatusBadge status={row.status} />
                  </Table.Td>
                  <Table.Td ta="right">{format.money(row.total, row.currency)}</Table.Td>
                  <Table.Td>
                    {canDecide && row.status === 'DRAFT' ? (
                      <Button
                        size="xs"
                        variant="light"
                        data-testid="statement-approve"
                        onClick={() => {
                          setActionError(null);
                          approve({ variables: { id: row.id } }).catch((caught: unknown) => setActionError(asErrorLike(caught)));
                        }}
                      >
                        {t('incentives.admin.approve')}
                      </Button>
                    ) : row.paidAt ? (
                      <Text size="xs" c="dimmed">
                        {t('incentives.admin.paidOn', { date: format.dateTime(row.paidAt), method: row.paymentMethod ? t(`incentives.paymentMethod.${row.paymentMethod}`) : '' })}
                      </Text>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <LoadMoreButton pageInfo={data?.incentiveStatements.pageInfo} loading={loading} onLoad={(after) => fetchMore({ variables: { after } })} />
      <Modal opened={paying !== null} onClose={() => setPaying(null)} title={t('incentives.admin.markPaidTitle', { count: paying?.length ?? 0 })}>
        {paying ? (
          <MarkPaidForm
            statements={paying}
            onCancel={() => setPaying(null)}
            onDone={(count) => {
              setPaying(null);
              setSelected(new Set());
              setOutcome(t('incentives.admin.paid', { count }));
            }}
          />
        ) : null}
      </Modal>
    </Stack>
  );
}

const METHODS: readonly IncentivePaymentMethod[] = ['CASH', 'CREDIT_NOTE', 'POINTS'];

/** The idempotency key is made once per dialog, so a double click or a retry after a lost answer pays once. */
function MarkPaidForm({ statements, onCancel, onDone }: { statements: readonly IncentiveStatementRowFragment[]; onCancel: () => void; onDone: (count: number) => void }) {
  const { t } = useTranslation();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [statementIds] = useState(() => statements.map((s) => s.id));
  const [method, setMethod] = useState<IncentivePaymentMethod>('CASH');
  const [error, setError] = useState<ErrorLike | null>(null);
  const [markPaid, { loading }] = useMutation(MarkIncentiveStatementsPaidDocument, { refetchQueries: REFETCH, awaitRefetchQueries: true });
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (loading) return;
    setError(null);
    try {
      const result = await markPaid({ variables: { input: { statementIds, method, idempotencyKey } } });
      onDone(result.data?.markIncentiveStatementsPaid.length ?? statementIds.length);
    } catch (caught) {
      setError(asErrorLike(caught));
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="statements-pay-form" data-idempotency-key={idempotencyKey}>
      <Stack gap="md">
        <ErrorAlert error={error} />
        <Select
          label={t('incentives.admin.method')}
          description={method === 'POINTS' ? t('incentives.admin.pointsHint') : undefined}
          data={METHODS.map((value) => ({ value, label: t(`incentives.paymentMethod.${value}`) }))}
          value={method}
          allowDeselect={false}
          onChange={(value) => setMethod(METHODS.find((m) => m === value) ?? 'CASH')}
          data-testid="pay-method"
        />
        <DialogButtons busy={loading} submitLabel={t('incentives.admin.confirmPaid', { count: statementIds.length })} onCancel={onCancel} testId="statements-pay-submit" color="teal" />
      </Stack>
    </form>
  );
}

// ---- rewards ----

const REWARD_KINDS: readonly RewardKind[] = ['GIFT_VOUCHER', 'SERVICE_CREDIT', 'EVENT_TICKET', 'TRAINING_SEAT'];

function RewardsTab() {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useCurrentUser();
  const isAdmin = user?.role === 'VENDOR_ADMIN';
  const canApprove = hasRole(user?.role, MANAGER_ROLES);
  const { data, loading, error, refetch, fetchMore } = useQuery(RewardsDocument, { variables: { first: PAGE_SIZE }, fetchPolicy: 'cache-and-network', notifyOnNetworkStatusChange: true });
  const rewards = data?.rewards.edges.map((edge) => edge.node) ?? [];
  const [creating, setCreating] = useState(false);
  return (
    <Stack gap="sm">
      <Group justify="flex-end">
        {isAdmin ? (
          <Button onClick={() => setCreating(true)} data-testid="new-reward">
            {t('incentives.admin.newReward')}
          </Button>
        ) : null}
      </Group>
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      {!data && loading ? <Loader aria-label={t('common.loading')} /> : null}
      {data && rewards.length === 0 ? <Text>{t('incentives.my.noRewards')}</Text> : null}
      {rewards.length > 0 ? (
        <Table striped verticalSpacing="xs" data-testid="rewards-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('incentives.columns.reward')}</Table.Th>
              <Table.Th scope="col">{t('incentives.columns.kind')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('incentives.columns.points')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('incentives.columns.stock')}
              </Table.Th>
              <Table.Th scope="col">{t('incentives.columns.approval')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rewards.map((reward) => (
              <Table.Tr key={reward.id} data-testid="reward-row">
                <Table.Td>
                  {reward.name}
                  {reward.active ? null : (
                    <Badge ml="xs" color="gray" variant="outline">
                      {t('incentives.admin.inactive')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{t(`incentives.rewardKind.${reward.kind}`)}</Table.Td>
                <Table.Td ta="right">{format.number(reward.pointsPrice)}</Table.Td>
                <Table.Td ta="right">{reward.stock === null ? t('incentives.my.unlimited') : format.number(reward.stock)}</Table.Td>
                <Table.Td>{reward.requiresApproval ? t('common.yes') : t('common.no')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <LoadMoreButton pageInfo={data?.rewards.pageInfo} loading={loading} onLoad={(after) => fetchMore({ variables: { after } })} />
      <RedemptionQueue canDecide={canApprove} />
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('incentives.admin.newReward')}>
        {creating ? <RewardForm onCancel={() => setCreating(false)} onDone={() => setCreating(false)} /> : null}
      </Modal>
    </Stack>
  );
}

function RewardForm({ onCancel, onDone }: { onCancel: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<RewardKind>('GIFT_VOUCHER');
  const [pointsPrice, setPrice] = useState<number | string>('');
  const [stock, setStock] = useState<number | string>('');
  const [requiresApproval, setApproval] = useState(false);
  const [error, setError] = useState<ErrorLike | null>(null);
  const [create, { loading }] = useMutation(CreateRewardDocument, { refetchQueries: ['Rewards'], awaitRefetchQueries: true });
  const { parsed, field } = useFieldErrors(error);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    try {
      await create({ variables: { input: { name: name.trim(), kind, pointsPrice: Number(pointsPrice), stock: stock === '' ? null : Number(stock), requiresApproval } } });
      onDone();
    } catch (caught) {
      setError(asErrorLike(caught));
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="reward-form">
      <Stack gap="sm">
        {parsed && Object.keys(parsed.fields).length === 0 ? <ErrorAlert error={error} /> : null}
        <TextInput label={t('incentives.admin.rewardName')} required value={name} onChange={(event) => setName(event.currentTarget.value)} error={field('name')} />
        <Select label={t('incentives.columns.kind')} data={REWARD_KINDS.map((value) => ({ value, label: t(`incentives.rewardKind.${value}`) }))} value={kind} allowDeselect={false} onChange={(value) => setKind(REWARD_KINDS.find((k) => k === value) ?? 'GIFT_VOUCHER')} />
        <NumberInput label={t('incentives.admin.pointsPrice')} required min={1} allowDecimal={false} value={pointsPrice} onChange={setPrice} error={field('pointsPrice')} />
        <NumberInput label={t('incentives.columns.stock')} description={t('incentives.admin.stockHint')} min={0} allowDecimal={false} value={stock} onChange={setStock} error={field('stock')} />
        <Switch label={t('incentives.admin.requiresApproval')} checked={requiresApproval} onChange={(event) => setApproval(event.currentTarget.checked)} />
        <DialogButtons busy={loading} submitLabel={t('incentives.admin.createReward')} onCancel={onCancel} testId="reward-submit" />
      </Stack>
    </form>
  );
}

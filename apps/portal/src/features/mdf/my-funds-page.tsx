import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Card, Group, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../app/errors/error-alert';
import { PageTitle } from '../../app/routing/page-title';
import type { MdfFundActivityQuery, MyMdfFundsQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';
import { FundBalances } from './fund-balances';
import { amountMinor } from './mdf-money';
import { MdfFundActivityDocument, MyMdfFundsDocument } from './mdf.documents';
import { ClaimStatusBadge, claimReference, RequestStatusBadge, requestReference } from './mdf-status';
import { type MdfColumn, MdfTable, PageLoader } from './mdf-table';

type Fund = MyMdfFundsQuery['mdfFunds']['edges'][number]['node'];

const today = (): string => new Date().toISOString().slice(0, 10);
/** The fund of the period we are in (else the newest open one, else the newest). */
const currentFund = (funds: readonly Fund[]): Fund | undefined =>
  funds.find((f) => f.status === 'OPEN' && f.periodStart <= today() && today() <= f.periodEnd) ?? funds.find((f) => f.status === 'OPEN') ?? funds[0];

/** Partners: their MDF funds — what is available now, what expires soon, the budget history and the fund's requests and claims. */
export default function MyFundsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, loading, error, refetch } = useQuery(MyMdfFundsDocument, { variables: { first: 50 }, fetchPolicy: 'cache-and-network' });
  const funds = data?.mdfFunds.edges.map((edge) => edge.node) ?? [];
  const [chosenId, setChosenId] = useState<string | null>(null);
  const fund = funds.find((f) => f.id === chosenId) ?? currentFund(funds);
  const programName = (programId: string) => data?.tierStatus.find((status) => status.program.id === programId)?.program.name;
  const expiring = (data?.mdfExpiringFunds ?? []).filter((f) => (amountMinor(f.balances.available, f.balances.currency) ?? 0n) > 0n);

  return (
    <Stack gap="md">
      <div>
        <PageTitle documentTitle={t('mdf.funds.title')}>{t('mdf.funds.title')}</PageTitle>
        <Text c="dimmed" size="sm" mt={-8}>
          {t('mdf.funds.intro')}
        </Text>
      </div>
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      {loading && !data ? <PageLoader /> : null}
      {expiring.map((f) => (
        <Alert key={f.id} color="orange" title={t('mdf.funds.expiringTitle')} data-testid="expiring-fund">
          {t('mdf.funds.expiring', {
            amount: format.money(f.balances.available, f.balances.currency),
            period: f.periodLabel,
            date: format.day(f.expiresOn),
          })}
        </Alert>
      ))}
      {data && funds.length === 0 ? <Text data-testid="funds-empty">{t('mdf.funds.empty')}</Text> : null}
      {fund ? (
        <Card withBorder padding="lg" data-testid="fund-card" data-fund-id={fund.id}>
          <Stack gap="md">
            <Group justify="space-between" align="flex-start">
              <div>
                <Group gap="xs">
                  <Title order={2} size="h3" data-testid="fund-period">
                    {t('mdf.funds.fundFor', { period: fund.periodLabel })}
                  </Title>
                  <Badge variant="light" color={fund.status === 'OPEN' ? 'teal' : 'gray'}>
                    {t(`mdf.fundStatus.${fund.status}`)}
                  </Badge>
                  <Badge variant="outline" color="gray">
                    {t(`mdf.budgetKind.${fund.budgetKind}`)}
                  </Badge>
                </Group>
                <Text size="sm" c="dimmed">
                  {[programName(fund.programId), t('mdf.funds.window', { from: format.day(fund.periodStart), to: format.day(fund.periodEnd) })].filter(Boolean).join(' · ')}
                </Text>
                <Text size="sm" c="dimmed" data-testid="fund-expiry">
                  {fund.status === 'OPEN'
                    ? t('mdf.funds.expiresOn', { date: format.day(fund.expiresOn), days: fund.claimDeadlineDays })
                    : t('mdf.funds.expired', { date: format.day(fund.expiresOn), amount: format.money(fund.lapsed ?? '0', fund.currency) })}
                </Text>
              </div>
              <Group gap="sm" align="flex-end">
                {funds.length > 1 ? (
                  <Select
                    label={t('mdf.funds.choose')}
                    allowDeselect={false}
                    value={fund.id}
                    onChange={setChosenId}
                    data={funds.map((f) => ({ value: f.id, label: [f.periodLabel, programName(f.programId)].filter(Boolean).join(' · ') }))}
                    w={240}
                    data-testid="fund-select"
                  />
                ) : null}
                {fund.status === 'OPEN' ? (
                  <Button component={Link} to={`/mdf/requests/new?fund=${fund.id}`} data-testid="new-request">
                    {t('mdf.funds.newRequest')}
                  </Button>
                ) : null}
              </Group>
            </Group>
            <FundBalances balances={fund.balances} />
            <FundActivity fund={fund} />
          </Stack>
        </Card>
      ) : null}
    </Stack>
  );
}

type FundRequest = MdfFundActivityQuery['mdfRequests']['edges'][number]['node'];
type FundClaim = MdfFundActivityQuery['mdfClaims']['edges'][number]['node'];
type BudgetChange = Fund['budgetChanges'][number];

/** The fund's requests, its claims and how its budget came about, one tab each. */
function FundActivity({ fund }: { fund: Fund }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, error, refetch } = useQuery(MdfFundActivityDocument, { variables: { fundId: fund.id }, fetchPolicy: 'cache-and-network' });
  const requests = data?.mdfRequests.edges.map((edge) => edge.node) ?? [];
  const claims = data?.mdfClaims.edges.map((edge) => edge.node) ?? [];
  const money = (value: string | null | undefined, currency: string) => (value ? format.money(value, currency) : '—');
  const requestColumns: MdfColumn<FundRequest>[] = [
    {
      key: 'activity',
      header: t('mdf.columns.activity'),
      cell: (request) => (
        <>
          <Anchor component={Link} to={`/mdf/requests/${request.id}`} fw={500}>
            {requestReference(request.number)} · {request.title}
          </Anchor>
          <Text size="xs" c="dimmed">
            {t(`mdf.activityType.${request.activityType}`)}
          </Text>
        </>
      ),
    },
    { key: 'status', header: t('mdf.columns.status'), cell: (request) => <RequestStatusBadge status={request.status} /> },
    { key: 'dates', header: t('mdf.columns.dates'), cell: (request) => t('mdf.dateRange', { from: format.day(request.startDate), to: format.day(request.endDate) }) },
    { key: 'requested', header: t('mdf.columns.requested'), align: 'right', cell: (request) => money(request.requestedAmount, request.currency) },
    { key: 'approved', header: t('mdf.columns.approved'), align: 'right', cell: (request) => money(request.approvedAmount, request.currency) },
    { key: 'deadline', header: t('mdf.columns.claimDeadline'), cell: (request) => (request.status === 'APPROVED' ? format.day(request.claimDeadline) : '—') },
  ];
  const claimColumns: MdfColumn<FundClaim>[] = [
    {
      key: 'claim',
      header: t('mdf.columns.claim'),
      cell: (claim) => (
        <Anchor component={Link} to={`/mdf/requests/${claim.requestId}`} fw={500}>
          {claimReference(claim.number)} · {claim.request?.title ?? ''}
        </Anchor>
      ),
    },
    { key: 'status', header: t('mdf.columns.status'), cell: (claim) => <ClaimStatusBadge status={claim.status} /> },
    { key: 'claimed', header: t('mdf.columns.claimed'), align: 'right', cell: (claim) => money(claim.claimedAmount, claim.currency) },
    { key: 'approved', header: t('mdf.columns.approved'), align: 'right', cell: (claim) => money(claim.approvedAmount, claim.currency) },
    { key: 'submitted', header: t('mdf.columns.submitted'), cell: (claim) => format.dateTime(claim.lastSubmittedAt) },
    {
      key: 'payment',
      header: t('mdf.columns.payment'),
      cell: (claim) => (claim.paymentDate ? t('mdf.paidOn', { date: format.day(claim.paymentDate), reference: claim.paymentReference ?? '' }) : '—'),
    },
  ];
  const historyColumns: MdfColumn<BudgetChange>[] = [
    { key: 'when', header: t('mdf.history.when'), cell: (change) => format.dateTime(change.at) },
    { key: 'kind', header: t('mdf.history.kind'), cell: (change) => t(`mdf.history.kinds.${change.kind === 'ACCRUAL' || change.kind === 'ADJUSTMENT' ? change.kind : 'ALLOCATION'}`) },
    { key: 'before', header: t('mdf.history.before'), align: 'right', cell: (change) => format.money(change.before, change.currency) },
    { key: 'after', header: t('mdf.history.after'), align: 'right', cell: (change) => format.money(change.after, change.currency) },
    {
      key: 'basis',
      header: t('mdf.history.basis'),
      cell: (change) =>
        change.kind === 'ACCRUAL' && change.revenue && change.rate
          ? t('mdf.history.accrualBasis', {
              rate: format.percent(change.rate),
              revenue: format.money(change.revenue, change.revenueCurrency ?? change.currency),
              from: change.referenceStart ? format.day(change.referenceStart) : '—',
              to: change.referenceEnd ? format.day(change.referenceEnd) : '—',
            })
          : (change.reason ?? '—'),
    },
  ];
  return (
    <Tabs defaultValue="requests" keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="requests" data-testid="tab-requests">
          {t('mdf.funds.requestsTab', { count: requests.length })}
        </Tabs.Tab>
        <Tabs.Tab value="claims" data-testid="tab-claims">
          {t('mdf.funds.claimsTab', { count: claims.length })}
        </Tabs.Tab>
        <Tabs.Tab value="history" data-testid="tab-history">
          {t('mdf.funds.historyTab')}
        </Tabs.Tab>
      </Tabs.List>
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      <Tabs.Panel value="requests" pt="sm">
        {data && requests.length === 0 ? <Text size="sm">{t('mdf.funds.noRequests')}</Text> : null}
        {requests.length > 0 ? <MdfTable rows={requests} columns={requestColumns} minWidth={760} highlightOnHover testId="fund-requests" rowTestId="fund-request-row" rowIdAttribute="request-id" /> : null}
      </Tabs.Panel>
      <Tabs.Panel value="claims" pt="sm">
        {data && claims.length === 0 ? <Text size="sm">{t('mdf.funds.noClaims')}</Text> : null}
        {claims.length > 0 ? <MdfTable rows={claims} columns={claimColumns} minWidth={760} highlightOnHover testId="fund-claims" rowTestId="fund-claim-row" rowIdAttribute="claim-id" /> : null}
      </Tabs.Panel>
      <Tabs.Panel value="history" pt="sm">
        <MdfTable rows={fund.budgetChanges} columns={historyColumns} minWidth={640} testId="budget-history" rowTestId="budget-change" />
      </Tabs.Panel>
    </Tabs>
  );
}

import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Card, Center, Group, Loader, Select, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../app/errors/error-alert';
import { PageTitle } from '../../app/routing/page-title';
import type { MyMdfFundsQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';
import { FundBalances } from './fund-balances';
import { amountMinor } from './mdf-money';
import { MdfFundActivityDocument, MyMdfFundsDocument } from './mdf.documents';
import { ClaimStatusBadge, claimReference, RequestStatusBadge, requestReference } from './mdf-status';

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
      {loading && !data ? (
        <Center p="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : null}
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

/** The fund's requests, its claims and how its budget came about, one tab each. */
function FundActivity({ fund }: { fund: Fund }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, error, refetch } = useQuery(MdfFundActivityDocument, { variables: { fundId: fund.id }, fetchPolicy: 'cache-and-network' });
  const requests = data?.mdfRequests.edges.map((edge) => edge.node) ?? [];
  const claims = data?.mdfClaims.edges.map((edge) => edge.node) ?? [];
  const money = (value: string | null | undefined, currency: string) => (value ? format.money(value, currency) : '—');
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
        {requests.length > 0 ? (
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover verticalSpacing="sm" data-testid="fund-requests">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('mdf.columns.activity')}</Table.Th>
                  <Table.Th scope="col">{t('mdf.columns.status')}</Table.Th>
                  <Table.Th scope="col">{t('mdf.columns.dates')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('mdf.columns.requested')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('mdf.columns.approved')}
                  </Table.Th>
                  <Table.Th scope="col">{t('mdf.columns.claimDeadline')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {requests.map((request) => (
                  <Table.Tr key={request.id} data-testid="fund-request-row" data-request-id={request.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/mdf/requests/${request.id}`} fw={500}>
                        {requestReference(request.number)} · {request.title}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {t(`mdf.activityType.${request.activityType}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <RequestStatusBadge status={request.status} />
                    </Table.Td>
                    <Table.Td>{t('mdf.dateRange', { from: format.day(request.startDate), to: format.day(request.endDate) })}</Table.Td>
                    <Table.Td ta="right">{money(request.requestedAmount, request.currency)}</Table.Td>
                    <Table.Td ta="right">{money(request.approvedAmount, request.currency)}</Table.Td>
                    <Table.Td>{request.status === 'APPROVED' ? format.day(request.claimDeadline) : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Tabs.Panel>
      <Tabs.Panel value="claims" pt="sm">
        {data && claims.length === 0 ? <Text size="sm">{t('mdf.funds.noClaims')}</Text> : null}
        {claims.length > 0 ? (
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover verticalSpacing="sm" data-testid="fund-claims">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('mdf.columns.claim')}</Table.Th>
                  <Table.Th scope="col">{t('mdf.columns.status')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('mdf.columns.claimed')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('mdf.columns.approved')}
                  </Table.Th>
                  <Table.Th scope="col">{t('mdf.columns.submitted')}</Table.Th>
                  <Table.Th scope="col">{t('mdf.columns.payment')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {claims.map((claim) => (
                  <Table.Tr key={claim.id} data-testid="fund-claim-row" data-claim-id={claim.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/mdf/requests/${claim.requestId}`} fw={500}>
                        {claimReference(claim.number)} · {claim.request?.title ?? ''}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <ClaimStatusBadge status={claim.status} />
                    </Table.Td>
                    <Table.Td ta="right">{money(claim.claimedAmount, claim.currency)}</Table.Td>
                    <Table.Td ta="right">{money(claim.approvedAmount, claim.currency)}</Table.Td>
                    <Table.Td>{format.dateTime(claim.lastSubmittedAt)}</Table.Td>
                    <Table.Td>{claim.paymentDate ? t('mdf.paidOn', { date: format.day(claim.paymentDate), reference: claim.paymentReference ?? '' }) : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Tabs.Panel>
      <Tabs.Panel value="history" pt="sm">
        <Table.ScrollContainer minWidth={640}>
          <Table striped verticalSpacing="sm" data-testid="budget-history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('mdf.history.when')}</Table.Th>
                <Table.Th scope="col">{t('mdf.history.kind')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('mdf.history.before')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('mdf.history.after')}
                </Table.Th>
                <Table.Th scope="col">{t('mdf.history.basis')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fund.budgetChanges.map((change) => (
                <Table.Tr key={change.id} data-testid="budget-change">
                  <Table.Td>{format.dateTime(change.at)}</Table.Td>
                  <Table.Td>{t(`mdf.history.kinds.${change.kind === 'ACCRUAL' || change.kind === 'ADJUSTMENT' ? change.kind : 'ALLOCATION'}`)}</Table.Td>
                  <Table.Td ta="right">{format.money(change.before, change.currency)}</Table.Td>
                  <Table.Td ta="right">{format.money(change.after, change.currency)}</Table.Td>
                  <Table.Td>
                    {change.kind === 'ACCRUAL' && change.revenue && change.rate
                      ? t('mdf.history.accrualBasis', {
                          rate: format.percent(change.rate),
                          revenue: format.money(change.revenue, change.revenueCurrency ?? change.currency),
                          from: change.referenceStart ? format.day(change.referenceStart) : '—',
                          to: change.referenceEnd ? format.day(change.referenceEnd) : '—',
                        })
                      : (change.reason ?? '—')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Tabs.Panel>
    </Tabs>
  );
}

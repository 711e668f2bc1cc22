import type { ErrorLike } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Anchor, Stack, Tabs, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { hasRole, MANAGER_ROLES } from '../../app/auth/roles';
import { useCurrentUser } from '../../app/auth/use-current-user';
import { CsvExportButton } from '../../app/files/csv-export-button';
import { PageTitle } from '../../app/routing/page-title';
import type { MdfBalancesFieldsFragment, MdfClaimQueueQuery, MdfRequestQueueQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';
import { AvailableLine } from '../mdf/fund-balances';
import { MdfDecisionButtons } from '../mdf/mdf-decisions';
import { claimReference, requestReference } from '../mdf/mdf-status';
import { type MdfColumn, MdfList, MdfTable } from '../mdf/mdf-table';
import { ProofFileLinks } from '../mdf/proof-files';
import { MdfClaimQueueDocument, MdfRequestQueueDocument } from './mdf-reviews.documents';

const PAGE_SIZE = 25;

/** Vendor staff: the MDF requests and claims waiting for a decision, each beside what its fund still has. */
export default function MdfReviewsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canDecide = hasRole(user?.role, MANAGER_ROLES);
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'claims' ? 'claims' : 'requests';
  return (
    <Stack gap="md">
      <div>
        <PageTitle documentTitle={t('mdf.reviews.title')}>{t('mdf.reviews.title')}</PageTitle>
        <Text c="dimmed" size="sm" mt={-8}>
          {canDecide ? t('mdf.reviews.intro') : t('mdf.reviews.introReadOnly')}
        </Text>
      </div>
      <Tabs value={tab} onChange={(next) => setParams(next === 'claims' ? { tab: 'claims' } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="requests" data-testid="queue-requests">
            {t('mdf.reviews.requests')}
          </Tabs.Tab>
          <Tabs.Tab value="claims" data-testid="queue-claims">
            {t('mdf.reviews.claims')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="requests" pt="md">
          <RequestQueue canDecide={canDecide} />
        </Tabs.Panel>
        <Tabs.Panel value="claims" pt="md">
          <ClaimQueue canDecide={canDecide} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

type Queue<Row> = { edges: readonly { node: Row }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

/** One queue tab: its CSV export, the table of items waiting for a decision and "load more". */
function QueuePanel<Row extends { id: string }>(props: {
  kind: 'request' | 'claim';
  queue: Queue<Row> | undefined;
  loading: boolean;
  error: ErrorLike | undefined;
  refetch: () => unknown;
  fetchMore: (options: { variables: { after: string | null } }) => unknown;
  emptyText: string;
  minWidth: number;
  columns: readonly (MdfColumn<Row> | null)[];
}) {
  const { kind, queue } = props;
  const rows = queue?.edges.map((edge) => edge.node) ?? [];
  return (
    <Stack gap="sm">
      <Stack align="flex-end">
        <CsvExportButton path={`/api/mdf/${kind}s.csv`} params={{ status: 'SUBMITTED' }} testId={`${kind}-queue-export`} />
      </Stack>
      <MdfList
        loaded={queue !== undefined}
        loading={props.loading}
        error={props.error}
        onRetry={() => void props.refetch()}
        empty={rows.length === 0 ? <Text data-testid={`${kind}-queue-empty`}>{props.emptyText}</Text> : null}
        pageInfo={queue?.pageInfo}
        onLoadMore={(after) => props.fetchMore({ variables: { after } })}
      >
        <MdfTable rows={rows} columns={props.columns} minWidth={props.minWidth} testId={`${kind}-queue`} rowTestId={`${kind}-queue-row`} rowIdAttribute={`${kind}-id`} />
      </MdfList>
    </Stack>
  );
}

/** What the item's fund still has, with a second line about it. */
function FundCell({ fund, note }: { fund: { balances: MdfBalancesFieldsFragment } | null | undefined; note: string }) {
  if (!fund) return '—';
  return (
    <>
      <AvailableLine balances={fund.balances} />
      <Text size="xs" c="dimmed">
        {note}
      </Text>
    </>
  );
}

/** The item's link and a dimmed second line. */
function ItemCell({ to, label, children }: { to: string; label: string; children: ReactNode }) {
  return (
    <>
      <Anchor component={Link} to={to} fw={500}>
        {label}
      </Anchor>
      <Text size="xs" c="dimmed">
        {children}
      </Text>
    </>
  );
}

/** An amount with what it is measured against below it. */
function AmountCell({ amount, note }: { amount: string; note: string }) {
  return (
    <>
      <Text size="sm" fw={500}>
        {amount}
      </Text>
      <Text size="xs" c="dimmed">
        {note}
      </Text>
    </>
  );
}

type QueuedRequest = MdfRequestQueueQuery['mdfRequests']['edges'][number]['node'];
type QueuedClaim = MdfClaimQueueQuery['mdfClaims']['edges'][number]['node'];

const requestLabel = (request: QueuedRequest) => `${requestReference(request.number)} · ${request.title}`;
const claimLabel = (claim: QueuedClaim) => `${claimReference(claim.number)} · ${claim.request?.title ?? ''}`;

function RequestQueue({ canDecide }: { canDecide: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, loading, error, fetchMore, refetch } = useQuery(MdfRequestQueueDocument, { variables: { first: PAGE_SIZE }, fetchPolicy: 'cache-and-network', notifyOnNetworkStatusChange: true });
  const columns: (MdfColumn<QueuedRequest> | null)[] = [
    {
      key: 'activity',
      header: t('mdf.columns.activity'),
      cell: (request) => (
        <ItemCell to={`/mdf/requests/${request.id}`} label={requestLabel(request)}>
          {t(`mdf.activityType.${request.activityType}`)} · {t('mdf.dateRange', { from: format.day(request.startDate), to: format.day(request.endDate) })}
        </ItemCell>
      ),
    },
    { key: 'partner', header: t('mdf.columns.partner'), cell: (request) => request.fund?.organisation?.name ?? '—' },
    {
      key: 'requested',
      header: t('mdf.columns.requested'),
      align: 'right',
      cell: (request) => (
        <AmountCell
          amount={format.money(request.requestedAmount, request.currency)}
          note={t('mdf.reviews.ofPlanned', { planned: format.money(request.plannedCost, request.currency), cap: format.money(request.cofundingCap, request.currency) })}
        />
      ),
    },
    { key: 'fund', header: t('mdf.columns.fund'), cell: (request) => <FundCell fund={request.fund} note={request.fund?.periodLabel ?? ''} /> },
    canDecide
      ? {
          key: 'decision',
          header: t('mdf.columns.decision'),
          cell: (request) => <MdfDecisionButtons size="xs" target={{ kind: 'request', id: request.id, label: requestLabel(request), amount: request.requestedAmount, currency: request.currency }} />,
        }
      : null,
  ];
  return (
    <QueuePanel
      kind="request"
      queue={data?.mdfRequests}
      loading={loading}
      error={error}
      refetch={refetch}
      fetchMore={fetchMore}
      emptyText={t('mdf.reviews.noRequests')}
      minWidth={960}
      columns={columns}
    />
  );
}

function ClaimQueue({ canDecide }: { canDecide: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, loading, error, fetchMore, refetch } = useQuery(MdfClaimQueueDocument, { variables: { first: PAGE_SIZE }, fetchPolicy: 'cache-and-network', notifyOnNetworkStatusChange: true });
  const columns: (MdfColumn<QueuedClaim> | null)[] = [
    {
      key: 'claim',
      header: t('mdf.columns.claim'),
      cell: (claim) => (
        <ItemCell to={`/mdf/requests/${claim.requestId}`} label={claimLabel(claim)}>
          {claim.request ? `${requestReference(claim.request.number)} · ` : ''}
          {t('mdf.claim.submittedAt', { date: format.dateTime(claim.lastSubmittedAt) })}
        </ItemCell>
      ),
    },
    { key: 'partner', header: t('mdf.columns.partner'), cell: (claim) => claim.fund?.organisation?.name ?? '—' },
    {
      key: 'claimed',
      header: t('mdf.columns.claimed'),
      align: 'right',
      cell: (claim) => (
        <AmountCell
          amount={format.money(claim.claimedAmount, claim.currency)}
          note={t('mdf.reviews.ofApproved', {
            approved: claim.request?.approvedAmount ? format.money(claim.request.approvedAmount, claim.currency) : '—',
            cost: format.money(claim.actualCost, claim.currency),
          })}
        />
      ),
    },
    { key: 'proof', header: t('mdf.columns.proof'), cell: (claim) => <ProofFileLinks files={claim.files} /> },
    {
      key: 'fund',
      header: t('mdf.columns.fund'),
      cell: (claim) => <FundCell fund={claim.fund} note={claim.fund ? t('mdf.reviews.reservedLine', { reserved: format.money(claim.fund.balances.reserved, claim.currency), period: claim.fund.periodLabel }) : ''} />,
    },
    canDecide
      ? {
          key: 'decision',
          header: t('mdf.columns.decision'),
          cell: (claim) => <MdfDecisionButtons size="xs" target={{ kind: 'claim', id: claim.id, label: claimLabel(claim), amount: claim.claimedAmount, currency: claim.currency }} />,
        }
      : null,
  ];
  return (
    <QueuePanel kind="claim" queue={data?.mdfClaims} loading={loading} error={error} refetch={refetch} fetchMore={fetchMore} emptyText={t('mdf.reviews.noClaims')} minWidth={1040} columns={columns} />
  );
}

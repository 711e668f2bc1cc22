import { useQuery } from '@apollo/client/react';
import { Anchor, Center, Loader, Stack, Table, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { hasRole, MANAGER_ROLES } from '../../app/auth/roles';
import { useCurrentUser } from '../../app/auth/use-current-user';
import { LoadMoreButton } from '../../app/components/load-more-button';
import { ErrorAlert } from '../../app/errors/error-alert';
import { CsvExportButton } from '../../app/files/csv-export-button';
import { PageTitle } from '../../app/routing/page-title';
import { useFormat } from '../../i18n/use-format';
import { AvailableLine } from '../mdf/fund-balances';
import { MdfDecisionButtons } from '../mdf/mdf-decisions';
import { claimReference, requestReference } from '../mdf/mdf-status';
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

function RequestQueue({ canDecide }: { canDecide: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, loading, error, fetchMore, refetch } = useQuery(MdfRequestQueueDocument, { variables: { first: PAGE_SIZE }, fetchPolicy: 'cache-and-network', notifyOnNetworkStatusChange: true });
  const rows = data?.mdfRequests.edges.map((edge) => edge.node) ?? [];
  return (
    <Stack gap="sm">
      <Stack align="flex-end">
        <CsvExportButton path="/api/mdf/requests.csv" params={{ status: 'SUBMITTED' }} testId="request-queue-export" />
      </Stack>
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      {!data && loading ? (
        <Center p="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : null}
      {data && rows.length === 0 ? <Text data-testid="request-queue-empty">{t('mdf.reviews.noRequests')}</Text> : null}
      {rows.length > 0 ? (
        <Table.ScrollContainer minWidth={960}>
          <Table striped verticalSpacing="sm" data-testid="request-queue">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('mdf.columns.activity')}</Table.Th>
                <Table.Th scope="col">{t('mdf.columns.partner')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('mdf.columns.requested')}
                </Table.Th>
                <Table.Th scope="col">{t('mdf.columns.fund')}</Table.Th>
                {canDecide ? <Table.Th scope="col">{t('mdf.columns.decision')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((request) => {
                const label = `${requestReference(request.number)} · ${request.title}`;
                return (
                  <Table.Tr key={request.id} data-testid="request-queue-row" data-request-id={request.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/mdf/requests/${request.id}`} fw={500}>
                        {label}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {t(`mdf.activityType.${request.activityType}`)} · {t('mdf.dateRange', { from: format.day(request.startDate), to: format.day(request.endDate) })}
                      </Text>
                    </Table.Td>
                    <Table.Td>{request.fund?.organisation?.name ?? '—'}</Table.Td>
                    <Table.Td ta="right">
                      <Text size="sm" fw={500}>
                        {format.money(request.requestedAmount, request.currency)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t('mdf.reviews.ofPlanned', { planned: format.money(request.plannedCost, request.currency), cap: format.money(request.cofundingCap, request.currency) })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {request.fund ? (
                        <>
                          <AvailableLine balances={request.fund.balances} />
                          <Text size="xs" c="dimmed">
                            {request.fund.periodLabel}
                          </Text>
                        </>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    {canDecide ? (
                      <Table.Td>
                        <MdfDecisionButtons size="xs" target={{ kind: 'request', id: request.id, label, amount: request.requestedAmount, currency: request.currency }} />
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <LoadMoreButton pageInfo={data?.mdfRequests.pageInfo} loading={loading} onLoad={(after) => fetchMore({ variables: { after } })} />
    </Stack>
  );
}

function ClaimQueue({ canDecide }: { canDecide: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, loading, error, fetchMore, refetch } = useQuery(MdfClaimQueueDocument, { variables: { first: PAGE_SIZE }, fetchPolicy: 'cache-and-network', notifyOnNetworkStatusChange: true });
  const rows = data?.mdfClaims.edges.map((edge) => edge.node) ?? [];
  return (
    <Stack gap="sm">
      <Stack align="flex-end">
        <CsvExportButton path="/api/mdf/claims.csv" params={{ status: 'SUBMITTED' }} testId="claim-queue-export" />
      </Stack>
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      {!data && loading ? (
        <Center p="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : null}
      {data && rows.length === 0 ? <Text data-testid="claim-queue-empty">{t('mdf.reviews.noClaims')}</Text> : null}
      {rows.length > 0 ? (
        <Table.ScrollContainer minWidth={1040}>
          <Table striped verticalSpacing="sm" data-testid="claim-queue">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('mdf.columns.claim')}</Table.Th>
                <Table.Th scope="col">{t('mdf.columns.partner')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('mdf.columns.claimed')}
                </Table.Th>
                <Table.Th scope="col">{t('mdf.columns.proof')}</Table.Th>
                <Table.Th scope="col">{t('mdf.columns.fund')}</Table.Th>
                {canDecide ? <Table.Th scope="col">{t('mdf.columns.decision')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((claim) => {
                const label = `${claimReference(claim.number)} · ${claim.request?.title ?? ''}`;
                return (
                  <Table.Tr key={claim.id} data-testid="claim-queue-row" data-claim-id={claim.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/mdf/requests/${claim.requestId}`} fw={500}>
                        {label}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {claim.request ? `${requestReference(claim.request.number)} · ` : ''}
                        {t('mdf.claim.submittedAt', { date: format.dateTime(claim.lastSubmittedAt) })}
                      </Text>
                    </Table.Td>
                    <Table.Td>{claim.fund?.organisation?.name ?? '—'}</Table.Td>
                    <Table.Td ta="right">
                      <Text size="sm" fw={500}>
                        {format.money(claim.claimedAmount, claim.currency)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t('mdf.reviews.ofApproved', {
                          approved: claim.request?.approvedAmount ? format.money(claim.request.approvedAmount, claim.currency) : '—',
                          cost: format.money(claim.actualCost, claim.currency),
                        })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <ProofFileLinks files={claim.files} />
                    </Table.Td>
                    <Table.Td>
                      {claim.fund ? (
                        <>
                          <AvailableLine balances={claim.fund.balances} />
                          <Text size="xs" c="dimmed">
                            {t('mdf.reviews.reservedLine', { reserved: format.money(claim.fund.balances.reserved, claim.currency), period: claim.fund.periodLabel })}
                          </Text>
                        </>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    {canDecide ? (
                      <Table.Td>
                        <MdfDecisionButtons size="xs" target={{ kind: 'claim', id: claim.id, label, amount: claim.claimedAmount, currency: claim.currency }} />
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <LoadMoreButton pageInfo={data?.mdfClaims.pageInfo} loading={loading} onLoad={(after) => fetchMore({ variables: { after } })} />
    </Stack>
  );
}

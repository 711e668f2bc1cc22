import type { ErrorLike } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Group, Loader, Modal, Paper, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogButtons } from '../../app/components/dialog-buttons';
import { LoadMoreButton } from '../../app/components/load-more-button';
import { ErrorAlert } from '../../app/errors/error-alert';
import { asErrorLike } from '../../app/errors/graphql-errors';
import { useFieldErrors } from '../../app/errors/use-field-errors';
import type { RewardRedemptionRowFragment, RewardRedemptionStatus } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';
import { FulfilRewardRedemptionDocument, RewardRedemptionsDocument } from './incentive-insights.documents';
import { ApproveRewardRedemptionDocument, RejectRewardRedemptionDocument } from './incentives.documents';

const STATUS_COLOR: Record<RewardRedemptionStatus, string> = { REQUESTED: 'yellow', APPROVED: 'blue', REJECTED: 'red', FULFILLED: 'teal' };
const FILTERS = ['REQUESTED', 'APPROVED', 'FULFILLED', 'REJECTED', 'ALL'] as const;
type Filter = (typeof FILTERS)[number];
const REFETCH = ['RewardRedemptions', 'Rewards'];

export function RedemptionStatusBadge({ status }: { status: RewardRedemptionStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" data-testid="redemption-status">
      {t(`incentives.redemptionStatus.${status}`)}
    </Badge>
  );
}

/**
 * Vendor staff: the redemption queue, REQUESTED first. Managers approve or reject what needs approval
 * and mark delivered rewards FULFILLED (only approved ones: the server refuses anything else).
 */
export function RedemptionQueue({ canDecide }: { canDecide: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [filter, setFilter] = useState<Filter>('REQUESTED');
  const variables = { first: 50, filter: filter === 'ALL' ? {} : { status: filter satisfies RewardRedemptionStatus } };
  const { data, loading, error, refetch, fetchMore } = useQuery(RewardRedemptionsDocument, { variables, fetchPolicy: 'cache-and-network', notifyOnNetworkStatusChange: true });
  const rows = data?.rewardRedemptions.edges.map((edge) => edge.node) ?? [];
  const [approve] = useMutation(ApproveRewardRedemptionDocument, { refetchQueries: REFETCH });
  const [fulfil] = useMutation(FulfilRewardRedemptionDocument, { refetchQueries: REFETCH });
  const [rejecting, setRejecting] = useState<RewardRedemptionRowFragment | null>(null);
  const [actionError, setActionError] = useState<ErrorLike | null>(null);
  const run = (action: Promise<unknown>) => {
    setActionError(null);
    action.catch((caught: unknown) => setActionError(asErrorLike(caught)));
  };

  return (
    <Paper withBorder p="md" mt="md" data-testid="redemption-queue">
      <Stack gap="sm">
        <Group justify="space-between">
          <div>
            <Text fw={600}>{t('incentives.redemptions.queueTitle')}</Text>
            <Text size="sm" c="dimmed">
              {t('incentives.redemptions.queueIntro')}
            </Text>
          </div>
          <SegmentedControl
            value={filter}
            onChange={(value) => setFilter(FILTERS.find((f) => f === value) ?? 'REQUESTED')}
            data={FILTERS.map((value) => ({ value, label: value === 'ALL' ? t('common.all') : t(`incentives.redemptionStatus.${value}`) }))}
            data-testid="redemption-filter"
          />
        </Group>
        <ErrorAlert error={error ?? actionError} onRetry={() => void refetch()} />
        {!data && loading ? <Loader aria-label={t('common.loading')} /> : null}
        {data && rows.length === 0 ? <Text size="sm">{t('incentives.redemptions.none')}</Text> : null}
        {rows.length > 0 ? (
          <Table.ScrollContainer minWidth={800}>
            <Table striped verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('incentives.redemptions.reward')}</Table.Th>
                  <Table.Th scope="col">{t('incentives.columns.beneficiary')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('incentives.redemptions.points')}
                  </Table.Th>
                  <Table.Th scope="col">{t('incentives.redemptions.requestedAt')}</Table.Th>
                  <Table.Th scope="col">{t('incentives.columns.status')}</Table.Th>
                  {canDecide ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.id} data-testid="redemption-row" data-redemption-id={row.id}>
                    <Table.Td>{row.reward?.name ?? row.rewardId}</Table.Td>
                    <Table.Td>
                      {row.organisation?.name ?? row.organisationId}
                      <Text size="xs" c="dimmed">
                        {row.userName ?? t('incentives.redemptions.organisationWallet')}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">{format.number(row.points)}</Table.Td>
                    <Table.Td>{format.dateTime(row.requestedAt)}</Table.Td>
                    <Table.Td>
                      <RedemptionStatusBadge status={row.status} />
                    </Table.Td>
                    {canDecide ? (
                      <Table.Td>
                        <Group gap="xs">
                          {row.status === 'REQUESTED' ? (
                            <>
                              <Button size="xs" variant="light" onClick={() => run(approve({ variables: { id: row.id } }))} data-testid="redemption-approve">
                                {t('incentives.admin.approve')}
                              </Button>
                              <Button size="xs" variant="subtle" color="red" onClick={() => setRejecting(row)} data-testid="redemption-reject">
                                {t('incentives.admin.reject')}
                              </Button>
                            </>
                          ) : null}
                          {row.status === 'APPROVED' ? (
                            <Button size="xs" variant="light" color="teal" onClick={() => run(fulfil({ variables: { id: row.id } }))} data-testid="redemption-fulfil">
                              {t('incentives.redemptions.fulfil')}
                            </Button>
                          ) : null}
                        </Group>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
        <LoadMoreButton pageInfo={data?.rewardRedemptions.pageInfo} loading={loading} onLoad={(after) => fetchMore({ variables: { after } })} />
      </Stack>
      <Modal opened={rejecting !== null} onClose={() => setRejecting(null)} title={t('incentives.redemptions.rejectTitle', { reward: rejecting?.reward?.name ?? '' })}>
        {rejecting ? <RejectForm redemption={rejecting} onDone={() => setRejecting(null)} /> : null}
      </Modal>
    </Paper>
  );
}

function RejectForm({ redemption, onDone }: { redemption: RewardRedemptionRowFragment; onDone: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ErrorLike | null>(null);
  const [reject, { loading }] = useMutation(RejectRewardRedemptionDocument, { refetchQueries: REFETCH, awaitRefetchQueries: true });
  const { field } = useFieldErrors(error);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    try {
      await reject({ variables: { id: redemption.id, reason: reason.trim() } });
      onDone();
    } catch (caught) {
      setError(asErrorLike(caught));
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="redemption-reject-form">
      <Stack gap="md">
        {field('reason') ? null : <ErrorAlert error={error} />}
        <TextInput label={t('incentives.admin.rejectReason')} description={t('incentives.admin.rejectReasonHint')} value={reason} onChange={(event) => setReason(event.currentTarget.value)} error={field('reason')} required />
        <DialogButtons busy={loading} submitLabel={t('incentives.admin.reject')} onCancel={onDone} testId="redemption-reject-submit" color="red" />
      </Stack>
    </form>
  );
}

/** Partners: their own redemptions (a rep's, or the organisation's for a partner admin) with their status. */
export function MyRedemptions() {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, loading, error, refetch, fetchMore } = useQuery(RewardRedemptionsDocument, { variables: { first: 25 }, fetchPolicy: 'cache-and-network', notifyOnNetworkStatusChange: true });
  const rows = data?.rewardRedemptions.edges.map((edge) => edge.node) ?? [];
  return (
    <Stack gap="xs" data-testid="my-redemptions">
      <Text fw={600}>{t('incentives.redemptions.mine')}</Text>
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      {!data && loading ? <Loader aria-label={t('common.loading')} /> : null}
      {data && rows.length === 0 ? <Text size="sm">{t('incentives.redemptions.noneMine')}</Text> : null}
      {rows.length > 0 ? (
        <Table striped verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('incentives.redemptions.reward')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('incentives.redemptions.points')}
              </Table.Th>
              <Table.Th scope="col">{t('incentives.redemptions.requestedAt')}</Table.Th>
              <Table.Th scope="col">{t('incentives.columns.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.id} data-testid="my-redemption-row">
                <Table.Td>
                  {row.reward?.name ?? row.rewardId}
                  {row.userName ? null : (
                    <Text size="xs" c="dimmed">
                      {t('incentives.redemptions.organisationWallet')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">{format.number(row.points)}</Table.Td>
                <Table.Td>{format.dateTime(row.requestedAt)}</Table.Td>
                <Table.Td>
                  <RedemptionStatusBadge status={row.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <LoadMoreButton pageInfo={data?.rewardRedemptions.pageInfo} loading={loading} onLoad={(after) => fetchMore({ variables: { after } })} />
    </Stack>
  );
}

import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Group, Modal, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, MANAGER_ROLES } from '../../app/auth/roles';
import { useCurrentUser } from '../../app/auth/use-current-user';
import { LoadMoreButton } from '../../app/components/load-more-button';
import { ReasonForm } from '../../app/components/reason-form';
import { ErrorAlert } from '../../app/errors/error-alert';
import { PageTitle } from '../../app/routing/page-title';
import type { ActivityRowFragment, ActivityStatus } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';
import { ActivitiesDocument, ApproveActivityDocument, RejectActivityDocument } from './activities.documents';
import { ActivityDescription, ActivityStatusWithReason } from './activity-status-badge';

const PAGE_SIZE = 25;

/**
 * Vendor staff: logged activities by status. Channel managers approve VERIFIED activities waiting in
 * the queue, reject them with a reason, or withdraw an approved one (what it earned is clawed back).
 */
export default function ActivityReviewsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useCurrentUser();
  const canDecide = hasRole(user?.role, MANAGER_ROLES);
  const [status, setStatus] = useState<ActivityStatus>('SUBMITTED');
  const [rejecting, setRejecting] = useState<ActivityRowFragment | null>(null);
  const { data, loading, error, fetchMore, refetch } = useQuery(ActivitiesDocument, {
    variables: { first: PAGE_SIZE, filter: { status } },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const [approve, approving] = useMutation(ApproveActivityDocument, { refetchQueries: ['Activities'] });
  const [reject] = useMutation(RejectActivityDocument, { refetchQueries: ['Activities'] });
  const rows = data?.activities.edges.map((e) => e.node) ?? [];

  return (
    <Stack gap="md">
      <div>
        <PageTitle documentTitle={t('activities.reviews.title')}>{t('activities.reviews.title')}</PageTitle>
        <Text c="dimmed" size="sm" mt={-8}>
          {canDecide ? t('activities.reviews.intro') : t('activities.reviews.introReadOnly')}
        </Text>
      </div>
      <SegmentedControl
        w="fit-content"
        value={status}
        onChange={(next) => setStatus(next as ActivityStatus)}
        data={(['SUBMITTED', 'APPROVED', 'REJECTED'] as const).map((s) => ({ value: s, label: t(`activities.status.${s}`) }))}
        data-testid="activity-status-filter"
      />
      <ErrorAlert error={error ?? approving.error} onRetry={() => void refetch()} />
      {data && rows.length === 0 ? <Text data-testid="activity-queue-empty">{t('activities.reviews.empty')}</Text> : null}
      {rows.length > 0 ? (
        <Table.ScrollContainer minWidth={720}>
          <Table striped data-testid="activity-queue">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('activities.columns.date')}</Table.Th>
                <Table.Th scope="col">{t('activities.columns.partner')}</Table.Th>
                <Table.Th scope="col">{t('activities.columns.type')}</Table.Th>
                <Table.Th scope="col">{t('activities.columns.description')}</Table.Th>
                <Table.Th scope="col">{t('activities.columns.status')}</Table.Th>
                {canDecide ? <Table.Th scope="col">{t('activities.columns.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((a) => (
                <Table.Tr key={a.id} data-testid="activity-queue-row">
                  <Table.Td>{format.day(a.occurredOn)}</Table.Td>
                  <Table.Td>
                    {a.organisation?.name ?? '—'}
                    <Text size="xs" c="dimmed">
                      {a.userName ?? ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>{a.type.name}</Table.Td>
                  <Table.Td>
                    <ActivityDescription description={a.description} evidenceUrl={a.evidenceUrl ?? null} />
                  </Table.Td>
                  <Table.Td>
                    <ActivityStatusWithReason status={a.status} reason={a.decisionReason ?? null} />
                  </Table.Td>
                  {canDecide ? (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        {a.status === 'SUBMITTED' ? (
                          <Button size="xs" color="teal" loading={approving.loading} onClick={() => void approve({ variables: { id: a.id } })} data-testid="activity-approve">
                            {t('activities.reviews.approve')}
                          </Button>
                        ) : null}
                        {a.status !== 'REJECTED' ? (
                          <Button size="xs" variant="light" color="red" onClick={() => setRejecting(a)} data-testid="activity-reject">
                            {a.status === 'APPROVED' ? t('activities.reviews.withdraw') : t('activities.reviews.reject')}
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
      <LoadMoreButton pageInfo={data?.activities.pageInfo} loading={loading} onLoad={(after) => fetchMore({ variables: { after } })} />
      <Modal opened={rejecting !== null} onClose={() => setRejecting(null)} title={rejecting?.status === 'APPROVED' ? t('activities.reviews.withdrawTitle') : t('activities.reviews.rejectTitle')}>
        {rejecting ? (
          <ReasonForm
            intro={rejecting.status === 'APPROVED' ? t('activities.reviews.withdrawIntro') : undefined}
            label={t('activities.reviews.reason')}
            requiredMessage={t('activities.reviews.reasonRequired')}
            submitLabel={rejecting.status === 'APPROVED' ? t('activities.reviews.withdraw') : t('activities.reviews.reject')}
            color="red"
            testId="activity-reject"
            run={(reason) => reject({ variables: { id: rejecting.id, reason: reason ?? '' } })}
            onDone={() => setRejecting(null)}
          />
        ) : null}
      </Modal>
    </Stack>
  );
}

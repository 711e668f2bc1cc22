import type { ErrorLike } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Button, Center, Group, Loader, Modal, Paper, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, MANAGER_ROLES } from '../../app/auth/roles';
import { useCurrentUser } from '../../app/auth/use-current-user';
import { LoadMoreButton } from '../../app/components/load-more-button';
import { ReasonForm } from '../../app/components/reason-form';
import { ErrorAlert } from '../../app/errors/error-alert';
import { asErrorLike } from '../../app/errors/graphql-errors';
import { PageTitle } from '../../app/routing/page-title';
import { DealSearchInput } from '../deals/deal-search-input';
import { DealReviewQueueDocument } from './deal-reviews.documents';
import { DecisionOutcomes } from './decision-outcomes';
import { reviewLabel, ReviewTable, type ReviewRow } from './review-table';
import { useDealDecisions, type BulkDecision } from './use-deal-decisions';

const PAGE_SIZE = 25;

/** Submitted registrations waiting for a decision, the earliest review deadline first, decided one by one or in bulk. */
export default function ReviewQueuePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canDecide = hasRole(user?.role, MANAGER_ROLES);
  const [search, setSearch] = useState('');
  const filter = useMemo(() => (search.trim() ? { search: search.trim() } : {}), [search]);
  const { data, previousData, loading, error, fetchMore, refetch } = useQuery(DealReviewQueueDocument, {
    variables: { first: PAGE_SIZE, filter },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const shown = data ?? previousData;
  const rows = shown?.dealReviewQueue.edges.map((edge) => edge.node) ?? [];
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<Exclude<BulkDecision, 'APPROVE'> | null>(null);
  const [decisionError, setDecisionError] = useState<ErrorLike | null>(null);
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const { decide, deciding, outcomes } = useDealDecisions();

  // Only rows on screen count as chosen (a decided row leaves the queue).
  const chosen = rows.filter((row) => selected.has(row.id));
  const run = async (targets: readonly ReviewRow[], decision: BulkDecision, reason?: string) => {
    const results = await decide(
      targets.map((row) => ({ id: row.id, label: reviewLabel(row) })),
      decision,
      reason,
    );
    const done = new Set(results.filter((r) => r.ok).map((r) => r.id));
    setSelected((current) => new Set([...current].filter((id) => !done.has(id))));
  };
  const approve = (targets: readonly ReviewRow[]) => {
    setDecisionError(null);
    setBusy(new Set(targets.map((row) => row.id)));
    run(targets, 'APPROVE')
      .catch((caught: unknown) => setDecisionError(asErrorLike(caught)))
      .finally(() => setBusy(new Set()));
  };

  return (
    <Stack gap="md">
      <div>
        <PageTitle documentTitle={t('reviews.title')}>{t('reviews.title')}</PageTitle>
        <Text c="dimmed" size="sm" mt={-8}>
          {canDecide ? t('reviews.intro') : t('reviews.introReadOnly')}
        </Text>
      </div>
      <DealSearchInput value={search} onSearch={setSearch} />
      {canDecide ? (
        <Paper withBorder p="sm" data-testid="bulk-bar">
          <Group justify="space-between">
            <Text size="sm" role="status" aria-live="polite">
              {t('reviews.selected', { count: chosen.length })}
            </Text>
            <Group gap="xs">
              <Button color="teal" disabled={chosen.length === 0} loading={deciding} onClick={() => approve(chosen)} data-testid="bulk-approve">
                {t('reviews.bulkApprove')}
              </Button>
              <Button variant="light" color="red" disabled={chosen.length === 0 || deciding} onClick={() => setDialog('REJECT')} data-testid="bulk-reject">
                {t('reviews.bulkReject')}
              </Button>
              <Button variant="light" color="yellow" disabled={chosen.length === 0 || deciding} onClick={() => setDialog('REQUEST_INFO')} data-testid="bulk-request-info">
                {t('reviews.bulkRequestInfo')}
              </Button>
            </Group>
          </Group>
        </Paper>
      ) : null}
      <ErrorAlert error={decisionError} />
      <DecisionOutcomes outcomes={outcomes} />
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      {!shown && loading ? (
        <Center p="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : null}
      {shown && rows.length === 0 ? <Text data-testid="reviews-empty">{t('reviews.empty')}</Text> : null}
      {rows.length > 0 ? (
        <ReviewTable
          rows={rows}
          selection={
            canDecide
              ? {
                  selected,
                  toggle: (id) =>
                    setSelected((current) => {
                      const next = new Set(current);
                      if (next.has(id)) next.delete(id);
                      else next.add(id);
                      return next;
                    }),
                  toggleAll: (all) => setSelected(all ? new Set(rows.map((row) => row.id)) : new Set()),
                }
              : null
          }
          onApprove={(row) => approve([row])}
          busy={busy}
          outcomes={outcomes}
        />
      ) : null}
      <LoadMoreButton pageInfo={shown?.dealReviewQueue.pageInfo} loading={loading} onLoad={(after) => fetchMore({ variables: { after } })} />
      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={dialog === 'REJECT' ? t('reviews.bulkRejectTitle', { count: chosen.length }) : t('reviews.bulkRequestInfoTitle', { count: chosen.length })}
      >
        {dialog ? (
          <ReasonForm
            intro={chosen.map(reviewLabel).join(', ')}
            label={dialog === 'REJECT' ? t('dealActions.rejectReason') : t('dealActions.question')}
            requiredMessage={dialog === 'REJECT' ? t('dealActions.reasonRequired') : t('dealActions.questionRequired')}
            submitLabel={dialog === 'REJECT' ? t('reviews.bulkReject') : t('reviews.bulkRequestInfo')}
            color={dialog === 'REJECT' ? 'red' : 'yellow'}
            testId="bulk-reason"
            run={(reason) => run(chosen, dialog, reason)}
            onDone={() => setDialog(null)}
          />
        ) : null}
      </Modal>
    </Stack>
  );
}

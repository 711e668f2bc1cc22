import { Anchor, Badge, Button, Checkbox, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useErrorMessage } from '../../app/errors/use-error-message';
import type { DealReviewQueueQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';
import { dealReference } from '../deals/deal-status';
import type { DecisionOutcome } from './use-deal-decisions';

export type ReviewRow = DealReviewQueueQuery['dealReviewQueue']['edges'][number]['node'];

export const reviewLabel = (row: ReviewRow): string => `${dealReference(row.number)} · ${row.customerName}`;

interface ReviewTableProps {
  rows: readonly ReviewRow[];
  /** Null for read-only reviewers (analysts): no checkboxes, no buttons. */
  selection: { selected: ReadonlySet<string>; toggle: (id: string) => void; toggleAll: (all: boolean) => void } | null;
  onApprove: (row: ReviewRow) => void;
  /** Rows whose decision is being sent. */
  busy: ReadonlySet<string>;
  /** Failed outcomes of the last decision, shown in the rows still waiting. */
  outcomes: readonly DecisionOutcome[];
}

export function ReviewTable({ rows, selection, onApprove, busy, outcomes }: ReviewTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { detail } = useErrorMessage();
  const failures = new Map(outcomes.filter((o) => !o.ok).map((o) => [o.id, o]));
  const selectedCount = selection ? rows.filter((row) => selection.selected.has(row.id)).length : 0;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="sm" striped highlightOnHover data-testid="review-table">
        <Table.Thead>
          <Table.Tr>
            {selection ? (
              <Table.Th w={40}>
                <Checkbox
                  aria-label={t('reviews.selectAll')}
                  checked={selectedCount > 0 && selectedCount === rows.length}
                  indeterminate={selectedCount > 0 && selectedCount < rows.length}
                  onChange={(event) => selection.toggleAll(event.currentTarget.checked)}
                  data-testid="review-select-all"
                />
              </Table.Th>
            ) : null}
            <Table.Th scope="col">{t('deals.columns.customer')}</Table.Th>
            <Table.Th scope="col">{t('deals.columns.partner')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('deals.columns.value')}
            </Table.Th>
            <Table.Th scope="col">{t('reviews.columns.submitted')}</Table.Th>
            <Table.Th scope="col">{t('reviews.columns.due')}</Table.Th>
            {selection ? (
              <Table.Th scope="col">
                <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
              </Table.Th>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const failure = failures.get(row.id);
            return (
              <Table.Tr key={row.id} data-testid="review-row" data-deal-id={row.id}>
                {selection ? (
                  <Table.Td>
                    <Checkbox
                      aria-label={t('reviews.select', { label: reviewLabel(row) })}
                      checked={selection.selected.has(row.id)}
                      onChange={() => selection.toggle(row.id)}
                      data-testid="review-select"
                    />
                  </Table.Td>
                ) : null}
                <Table.Td>
                  <Anchor component={Link} to={`/deals/${row.id}`} fw={500}>
                    {reviewLabel(row)}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {[row.customerDomain, format.country(row.customerCountry)].filter(Boolean).join(' · ')}
                  </Text>
                  <Group gap={4} mt={4}>
                    {row.possibleConflict ? (
                      <Badge size="xs" color="orange" variant="light" data-testid="review-conflict">
                        {t('deals.possibleConflict')}
                      </Badge>
                    ) : null}
                    {row.fromVendorLead ? (
                      <Badge size="xs" color="blue" variant="outline">
                        {t('reviews.fromVendorLead')}
                      </Badge>
                    ) : null}
                  </Group>
                  {failure ? (
                    <Text size="xs" c="red.7" mt={4} role="alert" data-testid="review-row-error">
                      {detail(failure.message ?? '')}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{row.organisation?.name ?? '—'}</Table.Td>
                <Table.Td ta="right">{format.money(row.estimatedFirstYearValue, row.currency)}</Table.Td>
                <Table.Td>{row.submittedAt ? format.dateTime(row.submittedAt) : '—'}</Table.Td>
                <Table.Td>
                  <Stack gap={2} align="flex-start">
                    <Text size="sm" c={row.reviewOverdue ? 'red.7' : undefined} data-testid="review-due">
                      {row.reviewDueAt ? format.dateTime(row.reviewDueAt) : '—'}
                    </Text>
                    {row.reviewOverdue ? (
                      <Badge size="sm" color="red" data-testid="review-overdue">
                        {t('reviews.overdue')}
                      </Badge>
                    ) : null}
                  </Stack>
                </Table.Td>
                {selection ? (
                  <Table.Td ta="right">
                    <Button
                      size="xs"
                      color="teal"
                      loading={busy.has(row.id)}
                      disabled={busy.size > 0 && !busy.has(row.id)}
                      aria-label={t('reviews.approveNamed', { label: reviewLabel(row) })}
                      onClick={() => onApprove(row)}
                      data-testid="review-approve"
                    >
                      {t('dealActions.approve')}
                    </Button>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

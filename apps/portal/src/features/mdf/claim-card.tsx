import { Alert, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DetailField } from '../../app/components/detail-field';
import type { MdfRequestDetailQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';
import { ClaimDealsList } from './claim-deals';
import { MdfDecisionButtons } from './mdf-decisions';
import { ClaimStatusBadge, claimReference } from './mdf-status';
import { ProofFileLinks } from './proof-files';

type Claim = MdfRequestDetailQuery['mdfRequest']['claims'][number];

/** One claim of a request: amounts, results, proof files, the decision and the payment. */
export function ClaimCard({ claim, manager, partner, requestTitle }: { claim: Claim; manager: boolean; partner: boolean; requestTitle: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = (value: string | null) => (value ? format.money(value, claim.currency) : null);
  const count = (value: number | null) => (value === null ? null : format.number(value));
  const reference = claimReference(claim.number);
  return (
    <Card withBorder padding="md" data-testid="claim-card" data-claim-id={claim.id} data-status={claim.status}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="xs">
            <Text fw={600} data-testid="claim-reference">
              {reference}
            </Text>
            <ClaimStatusBadge status={claim.status} />
          </Group>
          <Text size="xs" c="dimmed">
            {t('mdf.claim.submittedAt', { date: format.dateTime(claim.lastSubmittedAt) })}
          </Text>
        </Group>
        {claim.status === 'PAID' && claim.paymentDate ? (
          <Alert color="green" p="xs" data-testid="claim-paid">
            {t('mdf.claim.paid', { amount: money(claim.approvedAmount) ?? '', date: format.day(claim.paymentDate), reference: claim.paymentReference ?? '' })}
          </Alert>
        ) : null}
        {claim.decisionComment && claim.status !== 'PAID' ? (
          <Alert color={claim.status === 'REJECTED' ? 'red' : claim.status === 'MORE_INFO_REQUESTED' ? 'yellow' : 'teal'} p="xs" data-testid="claim-decision-comment">
            {claim.decisionComment}
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" component="dl" m={0}>
          <DetailField label={t('mdf.claimForm.fields.actualCost')}>{money(claim.actualCost)}</DetailField>
          <DetailField label={t('mdf.claimForm.fields.claimedAmount')} testId="claim-claimed">
            {money(claim.claimedAmount)}
          </DetailField>
          <DetailField label={t('mdf.claim.cap')}>{money(claim.claimCap)}</DetailField>
          <DetailField label={t('mdf.columns.approved')} testId="claim-approved">
            {money(claim.approvedAmount)}
          </DetailField>
          <DetailField label={t('mdf.claimForm.fields.attendees')}>{count(claim.attendees)}</DetailField>
          <DetailField label={t('mdf.claimForm.fields.leads')}>{count(claim.leads)}</DetailField>
          <DetailField label={t('mdf.claimForm.fields.opportunities')}>{count(claim.opportunities)}</DetailField>
          <DetailField label={t('mdf.claimForm.fields.pipeline')}>{money(claim.pipeline)}</DetailField>
        </SimpleGrid>
        {claim.notes ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {claim.notes}
          </Text>
        ) : null}
        {claim.dealIds.length > 0 ? <ClaimDealsList organisationId={claim.organisationId} dealIds={claim.dealIds} /> : null}
        <div>
          <Text size="xs" c="dimmed" mb={2}>
            {t('mdf.claim.proof')}
          </Text>
          <ProofFileLinks files={claim.files} />
        </div>
        {manager && claim.status === 'SUBMITTED' ? (
          <MdfDecisionButtons target={{ kind: 'claim', id: claim.id, label: `${reference} · ${requestTitle}`, amount: claim.claimedAmount, currency: claim.currency }} />
        ) : null}
        {partner && claim.status === 'MORE_INFO_REQUESTED' ? (
          <Group>
            <Button component={Link} to={`/mdf/claims/${claim.id}/resubmit`} variant="light" data-testid="claim-resubmit">
              {t('mdf.claim.resubmit')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}

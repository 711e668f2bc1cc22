import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Button, Card, Grid, Group, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { hasRole, isPartnerRole, MANAGER_ROLES } from '../../app/auth/roles';
import { useCurrentUser } from '../../app/auth/use-current-user';
import { DetailField } from '../../app/components/detail-field';
import { ReasonForm } from '../../app/components/reason-form';
import { ErrorAlert } from '../../app/errors/error-alert';
import { PageTitle } from '../../app/routing/page-title';
import type { MdfRequestDetailQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';
import { CommentOnMdfRequestDocument } from '../mdf-reviews/mdf-reviews.documents';
import { ClaimCard } from './claim-card';
import { ExtendDeadlineForm } from './extend-deadline-form';
import { FundBalances } from './fund-balances';
import { MDF_REFETCH, MdfDecisionButtons } from './mdf-decisions';
import { CancelMdfRequestDocument, MdfRequestDetailDocument, SubmitMdfRequestDocument } from './mdf.documents';
import { RequestStatusBadge, requestReference } from './mdf-status';
import { MdfTimeline } from './mdf-timeline';
import { PageLoader } from './mdf-table';

type Request = MdfRequestDetailQuery['mdfRequest'];
type Dialog = 'resubmit' | 'cancel' | 'comment' | 'extend';

/** Claims that block a new one: at most one open or accepted claim per request. */
const BLOCKING_CLAIMS = new Set(['SUBMITTED', 'MORE_INFO_REQUESTED', 'APPROVED', 'PAID']);

/** One request: what was proposed and decided, its claims with proof files, the fund's balances and the timeline with managers' comments. */
export default function RequestDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const partner = user ? isPartnerRole(user.role) : false;
  const manager = hasRole(user?.role, MANAGER_ROLES);
  const { data, loading, error, refetch } = useQuery(MdfRequestDetailDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const request = data?.mdfRequest;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={partner ? '/mdf' : '/mdf-reviews'} size="sm">
        ← {partner ? t('mdf.funds.title') : t('mdf.reviews.title')}
      </Anchor>
      {loading && !data ? <PageLoader /> : null}
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      {request ? <RequestDetail request={request} partner={partner} manager={manager} /> : null}
    </Stack>
  );
}

function RequestDetail({ request, partner, manager }: { request: Request; partner: boolean; manager: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const options = { refetchQueries: MDF_REFETCH, awaitRefetchQueries: true };
  const [submit, submitted] = useMutation(SubmitMdfRequestDocument, options);
  const [cancel] = useMutation(CancelMdfRequestDocument, options);
  const [comment] = useMutation(CommentOnMdfRequestDocument, options);
  const money = (value: string | null | undefined) => (value ? format.money(value, request.currency) : null);
  const reference = requestReference(request.number);
  const claimable = request.status === 'APPROVED' && !request.claims.some((claim) => BLOCKING_CLAIMS.has(claim.status));
  const cancellable = ['DRAFT', 'SUBMITTED', 'MORE_INFO_REQUESTED'].includes(request.status) || claimable;
  const claimNumbers = new Map(request.claims.map((claim) => [claim.id, claim.number]));
  const close = () => setDialog(null);

  return (
    <>
      <Group gap="sm" align="center">
        <PageTitle documentTitle={reference}>
          <span data-testid="request-reference">{reference}</span> · {request.title}
        </PageTitle>
        <Group mb="md">
          <RequestStatusBadge status={request.status} />
        </Group>
      </Group>
      {request.fund?.organisation && !partner ? (
        <Text mt={-16} c="dimmed" data-testid="request-partner">
          {request.fund.organisation.name} · {t('mdf.funds.fundFor', { period: request.fund.periodLabel })}
        </Text>
      ) : null}
      <RequestNotice request={request} />
      <Group gap="sm">
        {partner && claimable ? (
          <Button component={Link} to={`/mdf/requests/${request.id}/claim`} data-testid="new-claim">
            {t('mdf.request.claim')}
          </Button>
        ) : null}
        {partner && request.status === 'DRAFT' ? (
          <Button loading={submitted.loading} onClick={() => void submit({ variables: { id: request.id } }).catch(() => undefined)} data-testid="request-submit-draft">
            {t('mdf.request.submit')}
          </Button>
        ) : null}
        {partner && request.status === 'MORE_INFO_REQUESTED' ? (
          <Button onClick={() => setDialog('resubmit')} data-testid="request-resubmit">
            {t('mdf.request.resubmit')}
          </Button>
        ) : null}
        {manager && request.status === 'SUBMITTED' ? (
          <MdfDecisionButtons target={{ kind: 'request', id: request.id, label: `${reference} · ${request.title}`, amount: request.requestedAmount, currency: request.currency }} />
        ) : null}
        {manager && request.status === 'APPROVED' ? (
          <Button variant="light" onClick={() => setDialog('extend')} data-testid="request-extend">
            {t('mdf.request.extend')}
          </Button>
        ) : null}
        {manager ? (
          <Button variant="default" onClick={() => setDialog('comment')} data-testid="request-comment">
            {t('mdf.request.comment')}
          </Button>
        ) : null}
        {(partner || manager) && cancellable ? (
          <Button variant="subtle" color="red" onClick={() => setDialog('cancel')} data-testid="request-cancel">
            {t('mdf.request.cancel')}
          </Button>
        ) : null}
      </Group>
      <ErrorAlert error={submitted.error} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="lg">
            <Card withBorder padding="lg" component="section" aria-labelledby="request-details-heading">
              <Title order={2} size="h4" id="request-details-heading" mb="sm">
                {t('mdf.request.details')}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" component="dl" m={0}>
                <DetailField label={t('mdf.requestForm.fields.activityType')}>{t(`mdf.activityType.${request.activityType}`)}</DetailField>
                <DetailField label={t('mdf.columns.dates')}>{t('mdf.dateRange', { from: format.day(request.startDate), to: format.day(request.endDate) })}</DetailField>
                <DetailField label={t('mdf.requestForm.fields.targetAudience')}>{request.targetAudience}</DetailField>
                <DetailField label={t('mdf.requestForm.fields.plannedCost')} testId="request-planned-cost">
                  {money(request.plannedCost)}
                </DetailField>
                <DetailField label={t('mdf.requestForm.fields.requestedAmount')} testId="request-requested">
                  {money(request.requestedAmount)}
                </DetailField>
                <DetailField label={t('mdf.request.cap')} testId="request-cap">
                  {t('mdf.request.capValue', { cap: money(request.cofundingCap), pct: format.percent(request.cofundingPct) })}
                </DetailField>
                <DetailField label={t('mdf.columns.approved')} testId="request-approved">
                  {money(request.approvedAmount)}
                </DetailField>
                <DetailField label={t('mdf.requestForm.fields.expectedLeads')}>{request.expectedLeads === null ? null : format.number(request.expectedLeads)}</DetailField>
                <DetailField label={t('mdf.requestForm.fields.expectedPipeline')}>{money(request.expectedPipeline)}</DetailField>
                <DetailField label={t('mdf.columns.claimDeadline')} testId="request-claim-deadline">
                  {request.extendedDeadline
                    ? t('mdf.request.extendedDeadline', { date: format.day(request.claimDeadline), regular: format.day(request.regularClaimDeadline) })
                    : format.day(request.claimDeadline)}
                </DetailField>
                <DetailField label={t('mdf.columns.submitted')}>{request.submittedAt ? format.dateTime(request.submittedAt) : null}</DetailField>
              </SimpleGrid>
              {request.description ? (
                <Text size="sm" mt="md" style={{ whiteSpace: 'pre-wrap' }}>
                  {request.description}
                </Text>
              ) : null}
            </Card>
            <Stack gap="sm" component="section" aria-labelledby="request-claims-heading">
              <Title order={2} size="h4" id="request-claims-heading">
                {t('mdf.request.claims')}
              </Title>
              {request.claims.length === 0 ? <Text size="sm">{t('mdf.request.noClaims')}</Text> : null}
              {request.claims.map((claim) => (
                <ClaimCard key={claim.id} claim={claim} manager={manager} partner={partner} requestTitle={request.title} />
              ))}
            </Stack>
            {request.fund ? (
              <Stack gap="sm" component="section" aria-labelledby="request-fund-heading">
                <Title order={2} size="h4" id="request-fund-heading">
                  {t('mdf.funds.fundFor', { period: request.fund.periodLabel })}
                </Title>
                <FundBalances balances={request.fund.balances} narrow />
              </Stack>
            ) : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="sm" component="section" aria-labelledby="request-timeline-heading">
            <Title order={2} size="h4" id="request-timeline-heading">
              {t('mdf.timeline.title')}
            </Title>
            <MdfTimeline entries={request.timeline} claimNumbers={claimNumbers} />
          </Stack>
        </Grid.Col>
      </Grid>
      <Modal opened={dialog !== null} onClose={close} title={dialog ? t(`mdf.request.dialog.${dialog}`, { label: reference }) : ''}>
        {dialog === 'resubmit' ? (
          <ReasonForm
            intro={request.decisionComment ?? undefined}
            label={t('mdf.request.answer')}
            submitLabel={t('mdf.request.resubmit')}
            fieldName="comment"
            testId="request-resubmit"
            run={(text) => submit({ variables: { id: request.id, comment: text } })}
            onDone={close}
          />
        ) : null}
        {dialog === 'cancel' ? (
          <ReasonForm
            intro={request.status === 'APPROVED' ? t('mdf.request.cancelReleases', { amount: money(request.approvedAmount) ?? '' }) : undefined}
            label={t('mdf.request.cancelReason')}
            submitLabel={t('mdf.request.cancel')}
            color="red"
            testId="request-cancel"
            run={(reason) => cancel({ variables: { id: request.id, reason } })}
            onDone={close}
          />
        ) : null}
        {dialog === 'comment' ? (
          <ReasonForm
            label={t('mdf.request.commentLabel')}
            requiredMessage={t('mdf.decide.commentRequired')}
            submitLabel={t('mdf.request.comment')}
            fieldName="comment"
            testId="request-comment"
            run={(text) => comment({ variables: { id: request.id, comment: text ?? '' } })}
            onDone={close}
          />
        ) : null}
        {dialog === 'extend' ? <ExtendDeadlineForm requestId={request.id} current={request.claimDeadline} onDone={close} /> : null}
      </Modal>
    </>
  );
}

/** What the status means for the partner now: the manager's question, the approval and the claim deadline, the rejection reason. */
function RequestNotice({ request }: { request: Request }) {
  const { t } = useTranslation();
  const format = useFormat();
  const amount = request.approvedAmount ? format.money(request.approvedAmount, request.currency) : '';
  switch (request.status) {
    case 'MORE_INFO_REQUESTED':
      return (
        <Alert color="yellow" title={t('mdf.notice.infoTitle')} data-testid="request-notice">
          {request.decisionComment}
        </Alert>
      );
    case 'APPROVED':
      return (
        <Alert color="teal" title={t('mdf.notice.approvedTitle', { amount })} data-testid="request-notice">
          {t('mdf.notice.approved', { date: format.day(request.claimDeadline) })}
          {request.decisionComment ? <Text size="sm" mt={4}>{request.decisionComment}</Text> : null}
        </Alert>
      );
    case 'REJECTED':
      return (
        <Alert color="red" title={t('mdf.notice.rejectedTitle')} data-testid="request-notice">
          {request.decisionComment}
        </Alert>
      );
    case 'COMPLETED':
      return (
        <Alert color="green" title={t('mdf.notice.completedTitle')} data-testid="request-notice">
          {t('mdf.notice.completed')}
        </Alert>
      );
    default:
      return null;
  }
}

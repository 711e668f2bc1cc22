import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, Stack } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ReasonForm } from '../../app/components/reason-form';
import { FormErrorSummary } from '../../app/errors/form-error-summary';
import { parseError } from '../../app/errors/graphql-errors';
import type { DealDetailFragment, Role } from '../../gql/graphql';
import { dealActions, dealReference } from './deal-status';
import {
  ApproveDealRegistrationDocument,
  DecideDealExtensionDocument,
  MarkDealLostDocument,
  RejectDealRegistrationDocument,
  RequestDealExtensionDocument,
  RequestDealInformationDocument,
  SubmitDealRegistrationDocument,
} from './deals.documents';
import { MarkWonForm } from './mark-won-form';

type Dialog = 'approve' | 'reject' | 'requestInfo' | 'requestExtension' | 'approveExtension' | 'declineExtension' | 'markWon' | 'markLost';

/** The buttons for what the signed-in user may do now, each with its dialog. */
export function DealActions({ deal, role }: { deal: DealDetailFragment; role: Role | undefined }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [submit, submitting] = useMutation(SubmitDealRegistrationDocument);
  const [approve] = useMutation(ApproveDealRegistrationDocument);
  const [reject] = useMutation(RejectDealRegistrationDocument);
  const [requestInfo] = useMutation(RequestDealInformationDocument);
  const [requestExtension] = useMutation(RequestDealExtensionDocument);
  const [decideExtension] = useMutation(DecideDealExtensionDocument);
  const [markLost] = useMutation(MarkDealLostDocument);
  const actions = dealActions(deal, role);
  if (actions.length === 0) return null;

  const id = deal.id;
  const reference = `${dealReference(deal.number)} · ${deal.customerName}`;
  const close = () => setDialog(null);
  const reasonForms: Record<Exclude<Dialog, 'markWon'>, () => ReactNode> = {
    approve: () => (
      <ReasonForm
        intro={t('dealActions.approveIntro', { reference, days: deal.rules.protectionDays })}
        label={t('dealActions.noteOptional')}
        fieldName="note"
        submitLabel={t('dealActions.approve')}
        color="teal"
        testId="deal-approve"
        run={(note) => approve({ variables: { id, note } })}
        onDone={close}
      />
    ),
    reject: () => (
      <ReasonForm
        intro={reference}
        label={t('dealActions.rejectReason')}
        requiredMessage={t('dealActions.reasonRequired')}
        submitLabel={t('dealActions.reject')}
        color="red"
        testId="deal-reject"
        run={(reason) => reject({ variables: { id, reason: reason ?? '' } })}
        onDone={close}
      />
    ),
    requestInfo: () => (
      <ReasonForm
        intro={reference}
        label={t('dealActions.question')}
        requiredMessage={t('dealActions.questionRequired')}
        submitLabel={t('dealActions.requestInfo')}
        color="yellow"
        testId="deal-request-info"
        run={(reason) => requestInfo({ variables: { id, reason: reason ?? '' } })}
        onDone={close}
      />
    ),
    requestExtension: () => (
      <ReasonForm
        intro={t('dealActions.extensionIntro', { days: deal.rules.extensionDays })}
        label={t('dealActions.extensionReason')}
        requiredMessage={t('dealActions.reasonRequired')}
        submitLabel={t('dealActions.requestExtension')}
        testId="deal-extension"
        run={(reason) => requestExtension({ variables: { id, reason: reason ?? '' } })}
        onDone={close}
      />
    ),
    approveExtension: () => (
      <ReasonForm
        intro={t('dealActions.approveExtensionIntro', { days: deal.rules.extensionDays, reason: deal.extensionReason ?? '' })}
        label={t('dealActions.noteOptional')}
        fieldName="note"
        submitLabel={t('dealActions.approveExtension')}
        color="teal"
        testId="deal-extension-approve"
        run={(note) => decideExtension({ variables: { id, approve: true, note } })}
        onDone={close}
      />
    ),
    declineExtension: () => (
      <ReasonForm
        intro={deal.extensionReason ?? undefined}
        label={t('dealActions.noteOptional')}
        fieldName="note"
        submitLabel={t('dealActions.declineExtension')}
        color="red"
        testId="deal-extension-decline"
        run={(note) => decideExtension({ variables: { id, approve: false, note } })}
        onDone={close}
      />
    ),
    markLost: () => (
      <ReasonForm
        intro={reference}
        label={t('dealActions.lostReason')}
        requiredMessage={t('dealActions.reasonRequired')}
        submitLabel={t('dealActions.markLost')}
        color="gray"
        testId="deal-lost"
        run={(reason) => markLost({ variables: { id, reason: reason ?? '' } })}
        onDone={close}
      />
    ),
  };

  const button = (action: Dialog, label: string, testId: string, color?: string, variant: 'filled' | 'light' = 'light') => (
    <Button key={action} variant={variant} color={color} onClick={() => setDialog(action)} data-testid={testId}>
      {label}
    </Button>
  );

  return (
    <Stack gap="xs">
      <Group gap="sm" data-testid="deal-actions">
        {actions.includes('submit') ? (
          <Button loading={submitting.loading} onClick={() => void submit({ variables: { id } }).catch(() => undefined)} data-testid="deal-action-submit">
            {t('dealActions.submit')}
          </Button>
        ) : null}
        {actions.includes('edit') ? (
          <Button component={Link} to={`/deals/${id}/edit`} variant="light" data-testid="deal-action-edit">
            {t('dealActions.edit')}
          </Button>
        ) : null}
        {actions.includes('approve') ? button('approve', t('dealActions.approve'), 'deal-action-approve', 'teal', 'filled') : null}
        {actions.includes('reject') ? button('reject', t('dealActions.reject'), 'deal-action-reject', 'red') : null}
        {actions.includes('requestInfo') ? button('requestInfo', t('dealActions.requestInfo'), 'deal-action-info', 'yellow') : null}
        {actions.includes('decideExtension') ? button('approveExtension', t('dealActions.approveExtension'), 'deal-action-approve-extension', 'teal', 'filled') : null}
        {actions.includes('decideExtension') ? button('declineExtension', t('dealActions.declineExtension'), 'deal-action-decline-extension', 'red') : null}
        {actions.includes('requestExtension') ? button('requestExtension', t('dealActions.requestExtension'), 'deal-action-extension') : null}
        {actions.includes('markWon') ? button('markWon', t('dealActions.markWon'), 'deal-action-won', 'green') : null}
        {actions.includes('markLost') ? button('markLost', t('dealActions.markLost'), 'deal-action-lost', 'gray') : null}
      </Group>
      {/* A draft may lack what submitting needs (the website, a future close date): list the API's messages. */}
      <FormErrorSummary parsed={parseError(submitting.error)} isShown={() => false} />
      <Modal opened={dialog !== null} onClose={close} title={dialog ? t(`dealActions.titles.${dialog}`) : ''} size={dialog === 'markWon' ? 'lg' : 'md'}>
        {dialog === 'markWon' ? <MarkWonForm deal={deal} onDone={close} /> : dialog ? reasonForms[dialog]() : null}
      </Modal>
    </Stack>
  );
}

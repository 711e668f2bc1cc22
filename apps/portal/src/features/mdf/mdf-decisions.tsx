import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ReasonForm } from '../../app/components/reason-form';
import { useErrorMessage } from '../../app/errors/use-error-message';
import { useFieldErrors } from '../../app/errors/use-field-errors';
import { useFormat } from '../../i18n/use-format';
import {
  ApproveMdfClaimDocument,
  ApproveMdfRequestDocument,
  RejectMdfClaimDocument,
  RejectMdfRequestDocument,
  RequestMdfClaimInfoDocument,
  RequestMdfRequestInfoDocument,
} from '../mdf-reviews/mdf-reviews.documents';
import { amountMinor, compareAmounts } from './mdf-money';
import { useRun } from './use-run';
import { DialogButtons } from '../../app/components/dialog-buttons';

/** Queries that show requests, claims or balances: refetched after a decision (only those on screen run). */
export const MDF_REFETCH = ['MdfRequestQueue', 'MdfClaimQueue', 'MdfRequestDetail', 'MdfPayableClaims', 'MdfFundAdmin', 'MyMdfFunds', 'MdfFundActivity'];

export interface DecisionTarget {
  kind: 'request' | 'claim';
  id: string;
  /** "MDF-12 · Webinar" — said in the dialog and to screen readers. */
  label: string;
  /** The amount asked for: the default and the maximum of an approval. */
  amount: string;
  currency: string;
}

type Dialog = 'approve' | 'reject' | 'info';

/** Approve (possibly for less), reject or ask for more information — the same three decisions for requests and claims. */
export function MdfDecisionButtons({ target, size = 'sm', onDone }: { target: DecisionTarget; size?: 'xs' | 'sm'; onDone?: () => void }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const options = { refetchQueries: MDF_REFETCH, awaitRefetchQueries: true };
  const [rejectRequest] = useMutation(RejectMdfRequestDocument, options);
  const [rejectClaim] = useMutation(RejectMdfClaimDocument, options);
  const [infoRequest] = useMutation(RequestMdfRequestInfoDocument, options);
  const [infoClaim] = useMutation(RequestMdfClaimInfoDocument, options);
  const close = () => setDialog(null);
  const done = () => {
    close();
    onDone?.();
  };
  const titles: Record<Dialog, string> = {
    approve: t(`mdf.decide.approveTitle.${target.kind}`, { label: target.label }),
    reject: t(`mdf.decide.rejectTitle.${target.kind}`, { label: target.label }),
    info: t(`mdf.decide.infoTitle.${target.kind}`, { label: target.label }),
  };
  return (
    <>
      <Group gap="xs" wrap="nowrap">
        <Button size={size} color="teal" onClick={() => setDialog('approve')} aria-label={`${t('mdf.decide.approve')}: ${target.label}`} data-testid={`${target.kind}-approve`}>
          {t('mdf.decide.approve')}
        </Button>
        <Button size={size} variant="light" color="red" onClick={() => setDialog('reject')} aria-label={`${t('mdf.decide.reject')}: ${target.label}`} data-testid={`${target.kind}-reject`}>
          {t('mdf.decide.reject')}
        </Button>
        <Button size={size} variant="light" color="yellow" onClick={() => setDialog('info')} aria-label={`${t('mdf.decide.requestInfo')}: ${target.label}`} data-testid={`${target.kind}-request-info`}>
          {t('mdf.decide.requestInfo')}
        </Button>
      </Group>
      <Modal opened={dialog !== null} onClose={close} title={dialog ? titles[dialog] : ''}>
        {dialog === 'approve' ? <ApproveForm target={target} onDone={done} onCancel={close} /> : null}
        {dialog === 'reject' ? (
          <ReasonForm
            label={t('mdf.decide.reason')}
            requiredMessage={t('mdf.decide.reasonRequired')}
            submitLabel={t('mdf.decide.reject')}
            color="red"
            testId="mdf-reject"
            run={(reason) => (target.kind === 'request' ? rejectRequest({ variables: { id: target.id, reason: reason ?? '' } }) : rejectClaim({ variables: { id: target.id, reason: reason ?? '' } }))}
            onDone={done}
          />
        ) : null}
        {dialog === 'info' ? (
          <ReasonForm
            label={t('mdf.decide.question')}
            requiredMessage={t('mdf.decide.questionRequired')}
            submitLabel={t('mdf.decide.requestInfo')}
            color="yellow"
            fieldName="comment"
            testId="mdf-info"
            run={(comment) => (target.kind === 'request' ? infoRequest({ variables: { id: target.id, comment: comment ?? '' } }) : infoClaim({ variables: { id: target.id, comment: comment ?? '' } }))}
            onDone={done}
          />
        ) : null}
      </Modal>
    </>
  );
}

/** The amount to approve (the full amount unless lowered) and an optional comment for the partner. */
function ApproveForm({ target, onDone, onCancel }: { target: DecisionTarget; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { summary } = useErrorMessage();
  const options = { refetchQueries: MDF_REFETCH, awaitRefetchQueries: true };
  const [approveRequest] = useMutation(ApproveMdfRequestDocument, options);
  const [approveClaim] = useMutation(ApproveMdfClaimDocument, options);
  const [amount, setAmount] = useState(target.amount);
  const [comment, setComment] = useState('');
  const { error, busy, run } = useRun();
  const { parsed, field } = useFieldErrors(error);
  const invalid = amountMinor(amount, target.currency) === null || (amountMinor(amount, target.currency) ?? 0n) <= 0n;
  const tooHigh = compareAmounts(amount, target.amount, target.currency) === 1;
  const partial = compareAmounts(amount, target.amount, target.currency) === -1;

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (invalid || tooHigh) return;
    await run(async () => {
      const variables = { id: target.id, amount: amount.trim(), comment: comment.trim() || undefined };
      if (target.kind === 'request') await approveRequest({ variables });
      else await approveClaim({ variables });
      onDone();
    });
  };

  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate data-testid="mdf-approve-form">
      <Stack gap="md">
        {parsed && !field('amount') ? (
          <Alert color="red" role="alert" data-testid="mdf-approve-error">
            {summary(parsed)}
          </Alert>
        ) : null}
        <TextInput
          label={t('mdf.decide.amount')}
          description={t('mdf.decide.amountHint', { amount: format.money(target.amount, target.currency) })}
          inputMode="decimal"
          leftSection={<Text size="xs" c="dimmed">{target.currency}</Text>}
          value={amount}
          onChange={(event) => setAmount(event.currentTarget.value)}
          error={invalid && amount.trim() !== '' ? t('mdf.amountHint') : tooHigh ? t('mdf.decide.tooHigh', { amount: format.money(target.amount, target.currency) }) : field('amount')}
          data-testid="mdf-approve-amount"
        />
        {partial ? (
          <Text size="sm" c="orange.8" role="status">
            {t('mdf.decide.partial')}
          </Text>
        ) : null}
        <Textarea
          label={t('mdf.decide.comment')}
          autosize
          minRows={2}
          maxLength={5000}
          value={comment}
          onChange={(event) => setComment(event.currentTarget.value)}
          error={field('comment')}
          data-testid="mdf-approve-comment"
        />
        <DialogButtons busy={busy} submitLabel={t('mdf.decide.approve')} onCancel={onCancel} testId="mdf-approve-submit" color="teal" disabled={invalid || tooHigh} />
      </Stack>
    </form>
  );
}

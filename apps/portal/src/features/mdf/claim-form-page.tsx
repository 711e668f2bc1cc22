import type { ErrorLike } from '@apollo/client';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { Alert, Button, Fieldset, Group, Progress, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { claimCapMinor } from '@prm/domain/mdf';
import { parsePercent } from '@prm/domain/money';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { FormErrorSummary } from '../../app/errors/form-error-summary';
import type { ParsedError } from '../../app/errors/graphql-errors';
import { useErrorMessage } from '../../app/errors/use-error-message';
import type { MdfClaimRequestFragment, MdfClaimResubmitDataQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';
import { ClaimDealsSelect } from './claim-deals';
import { MDF_REFETCH } from './mdf-decisions';
import { AmountInput, MdfFormFrame, MdfFormLayout, SideFigure } from './mdf-form-parts';
import { MdfHttpError, uploadClaim } from './mdf-http';
import { amountMinor, compareAmounts, plainAmount } from './mdf-money';
import { MdfClaimFormDataDocument, MdfClaimResubmitDataDocument } from './mdf.documents';
import { claimReference, requestReference } from './mdf-status';
import { ProofDropzone, type PickedFile } from './proof-dropzone';

interface ClaimValues {
  actualCost: string;
  claimedAmount: string;
  attendees: string;
  leads: string;
  opportunities: string;
  pipeline: string;
  notes: string;
  comment: string;
}

const EMPTY: ClaimValues = { actualCost: '', claimedAmount: '', attendees: '', leads: '', opportunities: '', pipeline: '', notes: '', comment: '' };
const AMOUNTS = ['actualCost', 'claimedAmount', 'pipeline'] as const;
const COUNTS = ['attendees', 'leads', 'opportunities'] as const;
const SHOWN = new Set<string>([...AMOUNTS, ...COUNTS, 'notes', 'comment', 'files', 'dealIds']);
const isFileField = (name: string) => name === 'files' || /^files\[\d+\]$/.test(name);

type ExistingClaim = MdfClaimResubmitDataQuery['mdfClaim'];

/** Partners: claim an approved request (new) — `/mdf/requests/:id/claim`. */
export function NewClaimPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(MdfClaimFormDataDocument, { variables: { id }, fetchPolicy: 'network-only' });
  return (
    <ClaimPageFrame requestId={id} loading={loading && !data} error={error} onRetry={() => void refetch()} title={t('mdf.claimForm.title')}>
      {data ? <ClaimForm request={data.mdfRequest} existing={null} /> : null}
    </ClaimPageFrame>
  );
}

/** Partners: answer a request for more information on a claim — `/mdf/claims/:id/resubmit`. */
export function ResubmitClaimPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(MdfClaimResubmitDataDocument, { variables: { id }, fetchPolicy: 'network-only' });
  const claim = data?.mdfClaim;
  return (
    <ClaimPageFrame requestId={claim?.requestId ?? null} loading={loading && !data} error={error} onRetry={() => void refetch()} title={t('mdf.claimForm.resubmitTitle')}>
      {claim?.request ? <ClaimForm request={claim.request} existing={claim} /> : null}
    </ClaimPageFrame>
  );
}

function ClaimPageFrame(props: { requestId: string | null; loading: boolean; error: ErrorLike | undefined; onRetry: () => void; title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <MdfFormFrame back={props.requestId ? { to: `/mdf/requests/${props.requestId}`, label: t('mdf.claimForm.back') } : null} title={props.title} loading={props.loading} error={props.error} onRetry={props.onRetry}>
      {props.children}
    </MdfFormFrame>
  );
}

const sameDeals = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((id) => b.includes(id));

const text = (value: number | string | null | undefined): string => (value === null || value === undefined ? '' : String(value));

function ClaimForm({ request, existing }: { request: MdfClaimRequestFragment; existing: ExistingClaim | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useApolloClient();
  const { detail } = useErrorMessage();
  const currency = request.currency;
  const [values, setValues] = useState<ClaimValues>(
    existing
      ? { ...EMPTY, actualCost: existing.actualCost, claimedAmount: existing.claimedAmount, attendees: text(existing.attendees), leads: text(existing.leads), opportunities: text(existing.opportunities), pipeline: text(existing.pipeline), notes: text(existing.notes) }
      : EMPTY,
  );
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [dealIds, setDealIds] = useState<string[]>(() => [...(existing?.dealIds ?? [])]);
  const [missing, setMissing] = useState<string[]>([]);
  const [progress, setProgress] = useState<number | null>(null);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<ParsedError | null>(null);
  const [sentFiles, setSentFiles] = useState<PickedFile[]>([]);
  const [done, setDone] = useState<{ number: number } | null>(null);
  const set = <K extends keyof ClaimValues>(key: K, value: ClaimValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  const approvedMinor = request.approvedAmount ? amountMinor(request.approvedAmount, currency) : null;
  const actualMinor = amountMinor(values.actualCost, currency);
  const cap = approvedMinor !== null && actualMinor !== null && actualMinor > 0n ? plainAmount(claimCapMinor(actualMinor, approvedMinor, parsePercent(request.cofundingPct)), currency) : null;
  const overCap = cap !== null && compareAmounts(values.claimedAmount, cap, currency) === 1;
  const late = !existing && request.claimDeadline < new Date().toISOString().slice(0, 10);
  const openClaim = !existing && request.claims.some((claim) => ['SUBMITTED', 'MORE_INFO_REQUESTED', 'APPROVED', 'PAID'].includes(claim.status));

  const serverField = (name: string): string | undefined => {
    const messages = failure?.fields[name];
    return messages && messages.length > 0 ? messages.map(detail).join(' ') : undefined;
  };
  const error = (name: keyof ClaimValues): string | undefined => {
    if (missing.includes(name)) return t('mdf.requestForm.required');
    if ((AMOUNTS as readonly string[]).includes(name) && values[name].trim() !== '' && amountMinor(values[name], currency) === null) return t('mdf.amountHint');
    if (name === 'claimedAmount' && overCap && cap) return t('mdf.claimForm.overCap', { cap: format.money(cap, currency) });
    return serverField(name);
  };

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const empty = existing ? [] : (['actualCost', 'claimedAmount'] as const).filter((name) => values[name].trim() === '');
    const needFiles = !existing && files.length === 0;
    setMissing([...empty, ...(needFiles ? ['files'] : [])]);
    if (empty.length > 0 || needFiles || files.some((f) => f.problem !== null) || files.length > 10 || overCap) return;
    const count = (value: string) => (value.trim() === '' ? undefined : Number(value.trim()));
    const claim = {
      actualCost: values.actualCost.trim() || undefined,
      claimedAmount: values.claimedAmount.trim() || undefined,
      attendees: count(values.attendees),
      leads: count(values.leads),
      opportunities: count(values.opportunities),
      pipeline: values.pipeline.trim() || undefined,
      notes: values.notes.trim() || undefined,
      // Links are sent only when chosen or changed: re-sending them would record the won values again.
      dealIds: sameDeals(dealIds, existing?.dealIds ?? []) ? undefined : dealIds,
      ...(existing ? { comment: values.comment.trim() || undefined } : {}),
    };
    const url = existing ? `/api/mdf/claims/${encodeURIComponent(existing.id)}/resubmit` : `/api/mdf/requests/${encodeURIComponent(request.id)}/claims`;
    setSending(true);
    setFailure(null);
    setProgress(0);
    setSentFiles(files);
    try {
      const answer = await uploadClaim(
        client,
        url,
        claim,
        files.map((f) => f.file),
        setProgress,
      );
      setProgress(1);
      const number = typeof answer === 'object' && answer !== null && 'claim' in answer ? (answer as { claim: { number?: unknown } }).claim.number : undefined;
      setDone({ number: typeof number === 'number' ? number : (existing?.number ?? 0) });
      void client.refetchQueries({ include: MDF_REFETCH });
    } catch (caught) {
      setProgress(null);
      setFailure(caught instanceof MdfHttpError ? caught.parsed : { code: 'NETWORK', message: String(caught), fields: {} });
    } finally {
      setSending(false);
    }
  };

  // `files[i]` of the answer refers to the files as they were sent.
  const fileError = (index: number): string | undefined => {
    const sent = sentFiles[index];
    const shownIndex = sent ? files.findIndex((f) => f.key === sent.key) : -1;
    return shownIndex === index ? serverField(`files[${index}]`) : undefined;
  };
  const summary: ParsedError | null = missing.length > 0 ? { code: 'BAD_USER_INPUT', message: '', fields: Object.fromEntries(missing.map((name) => [name, []])) } : failure;
  const percent = progress === null ? null : Math.round(progress * 100);

  const amount = (key: (typeof AMOUNTS)[number], required: boolean) => (
    <AmountInput
      label={t(`mdf.claimForm.fields.${key}`)}
      currency={currency}
      required={required}
      value={values[key]}
      onChange={(value) => set(key, value)}
      error={error(key)}
      disabled={sending || done !== null}
      testId={`claim-${key}`}
    />
  );
  const countInput = (key: (typeof COUNTS)[number]) => (
    <TextInput
      label={t(`mdf.claimForm.fields.${key}`)}
      inputMode="numeric"
      value={values[key]}
      onChange={(event) => set(key, event.currentTarget.value.replace(/\D/g, ''))}
      error={error(key)}
      disabled={sending || done !== null}
      data-testid={`claim-${key}`}
    />
  );

  const side = (
    <Stack gap={4} mt="sm">
      <SideFigure label={t('mdf.columns.approved')} strong={600}>
        {request.approvedAmount ? format.money(request.approvedAmount, currency) : '—'}
      </SideFigure>
      <SideFigure label={t('mdf.columns.dates')}>{t('mdf.dateRange', { from: format.day(request.startDate), to: format.day(request.endDate) })}</SideFigure>
      <SideFigure label={t('mdf.columns.claimDeadline')}>{format.day(request.claimDeadline)}</SideFigure>
    </Stack>
  );

  return (
    <MdfFormLayout side={{ testId: 'claim-request', title: `${requestReference(request.number)} · ${request.title}`, children: side }}>
      <form onSubmit={(event) => void handleSubmit(event)} noValidate data-testid="claim-form">
        <Stack gap="lg">
          {existing?.decisionComment ? (
            <Alert color="yellow" title={t('mdf.notice.infoTitle')}>
              {existing.decisionComment}
            </Alert>
          ) : null}
          {late ? (
            <Alert color="red" data-testid="claim-late">
              {t('mdf.claimForm.late', { date: format.day(request.claimDeadline) })}
            </Alert>
          ) : null}
          {openClaim ? <Alert color="orange">{t('mdf.claimForm.openClaim')}</Alert> : null}
          <FormErrorSummary parsed={summary} isShown={(name) => SHOWN.has(name) || isFileField(name)} />
          <Fieldset legend={t('mdf.claimForm.costs')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              {amount('actualCost', !existing)}
              {amount('claimedAmount', !existing)}
            </SimpleGrid>
            <Text size="sm" mt="sm" c={overCap ? 'red.7' : undefined} role="status" aria-live="polite" data-testid="claim-cap" data-cap={cap ?? ''}>
              {cap
                ? t('mdf.claimForm.cap', { cap: format.money(cap, currency), pct: format.percent(request.cofundingPct), approved: format.money(request.approvedAmount ?? '0', currency) })
                : t('mdf.claimForm.capPending', { pct: format.percent(request.cofundingPct), approved: format.money(request.approvedAmount ?? '0', currency) })}
            </Text>
          </Fieldset>
          <Fieldset legend={t('mdf.claimForm.results')}>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="md">
              {countInput('attendees')}
              {countInput('leads')}
              {countInput('opportunities')}
              {amount('pipeline', false)}
            </SimpleGrid>
            <Textarea
              mt="md"
              label={t('mdf.claimForm.fields.notes')}
              autosize
              minRows={2}
              maxLength={5000}
              value={values.notes}
              onChange={(event) => set('notes', event.currentTarget.value)}
              error={error('notes')}
              disabled={sending || done !== null}
              data-testid="claim-notes"
            />
          </Fieldset>
          <Fieldset legend={t('mdf.claimForm.influence')}>
            <ClaimDealsSelect organisationId={request.organisationId} value={dealIds} onChange={setDealIds} disabled={sending || done !== null} error={serverField('dealIds')} />
          </Fieldset>
          <Fieldset legend={existing ? t('mdf.claimForm.moreProof') : t('mdf.claimForm.proof')}>
            <ProofDropzone
              files={files}
              onChange={setFiles}
              error={missing.includes('files') ? t('mdf.claimForm.filesRequired') : serverField('files')}
              fileError={fileError}
              disabled={sending || done !== null}
            />
          </Fieldset>
          {existing ? (
            <Textarea
              label={t('mdf.claimForm.fields.comment')}
              autosize
              minRows={2}
              maxLength={5000}
              value={values.comment}
              onChange={(event) => set('comment', event.currentTarget.value)}
              error={error('comment')}
              disabled={sending || done !== null}
              data-testid="claim-comment"
            />
          ) : null}
          {percent !== null ? (
            <Stack gap={4}>
              <Text size="sm" role="status" aria-live="polite" data-testid="upload-status">
                {done ? t('mdf.claimForm.uploaded') : t('mdf.claimForm.uploading', { percent: format.percent(percent) })}
              </Text>
              <Progress
                value={percent}
                size="lg"
                animated={!done}
                color={done ? 'teal' : 'indigo'}
                aria-label={t('mdf.claimForm.progress')}
                data-testid="upload-progress"
                data-progress={percent}
              />
            </Stack>
          ) : null}
          {done ? (
            <Alert color="teal" title={t('mdf.claimForm.doneTitle', { claim: claimReference(done.number) })} data-testid="claim-done">
              <Button component={Link} to={`/mdf/requests/${request.id}`} variant="light" color="teal" mt="xs" data-testid="claim-done-link">
                {t('mdf.claimForm.toRequest')}
              </Button>
            </Alert>
          ) : (
            <Group justify="flex-end">
              <Button component={Link} to={`/mdf/requests/${request.id}`} variant="default" disabled={sending}>
                {t('actions.cancel')}
              </Button>
              <Button type="submit" loading={sending} disabled={overCap} data-testid="claim-submit">
                {existing ? t('mdf.claimForm.resubmit') : t('mdf.claimForm.submit')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </MdfFormLayout>
  );
}

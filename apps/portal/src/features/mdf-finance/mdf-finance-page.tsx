import type { ErrorLike } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Button, Checkbox, Group, Modal, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { hasRole, MANAGER_ROLES } from '../../app/auth/roles';
import { useCurrentUser } from '../../app/auth/use-current-user';
import { ErrorAlert } from '../../app/errors/error-alert';
import { asErrorLike } from '../../app/errors/graphql-errors';
import { useFieldErrors } from '../../app/errors/use-field-errors';
import { CsvExportButton } from '../../app/files/csv-export-button';
import { PageTitle } from '../../app/routing/page-title';
import type { MdfPayableClaimsQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';
import { MDF_REFETCH } from '../mdf/mdf-decisions';
import { amountMinor, plainAmount } from '../mdf/mdf-money';
import { claimReference, requestReference } from '../mdf/mdf-status';
import { type MdfColumn, MdfList, MdfTable } from '../mdf/mdf-table';
import { MarkMdfClaimsPaidDocument, MdfPayableClaimsDocument } from './mdf-finance.documents';
import { DialogButtons } from '../../app/components/dialog-buttons';

const PAGE_SIZE = 100;
type Claim = MdfPayableClaimsQuery['mdfClaims']['edges'][number]['node'];

/** Sum per currency of the chosen claims' approved amounts, exact in minor units. */
function totals(claims: readonly Claim[]): { currency: string; amount: string }[] {
  const sums = new Map<string, bigint>();
  for (const claim of claims) sums.set(claim.currency, (sums.get(claim.currency) ?? 0n) + (amountMinor(claim.approvedAmount ?? '0', claim.currency) ?? 0n));
  return [...sums].map(([currency, minor]) => ({ currency, amount: plainAmount(minor, currency) }));
}

/** Finance: approved claims not yet paid, marked paid in bulk with a payment reference and date, and the payment file to pay them. */
export default function MdfFinancePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useCurrentUser();
  const canPay = hasRole(user?.role, MANAGER_ROLES);
  const { data, loading, error, fetchMore, refetch } = useQuery(MdfPayableClaimsDocument, { variables: { first: PAGE_SIZE }, fetchPolicy: 'cache-and-network', notifyOnNetworkStatusChange: true });
  const rows = data?.mdfClaims.edges.map((edge) => edge.node) ?? [];
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [paying, setPaying] = useState(false);
  const [outcome, setOutcome] = useState<{ count: number; duplicate: boolean; reference: string } | null>(null);
  const chosen = rows.filter((row) => selected.has(row.id));
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allChosen = rows.length > 0 && chosen.length === rows.length;
  const label = (claim: Claim) => `${claimReference(claim.number)} · ${claim.request?.title ?? ''}`;
  const columns: (MdfColumn<Claim> | null)[] = [
    canPay
      ? {
          key: 'select',
          width: 40,
          header: (
            <Checkbox
              aria-label={t('mdf.finance.selectAll')}
              checked={allChosen}
              indeterminate={chosen.length > 0 && !allChosen}
              onChange={() => setSelected(allChosen ? new Set() : new Set(rows.map((row) => row.id)))}
              data-testid="select-all"
            />
          ),
          cell: (claim) => <Checkbox aria-label={t('mdf.finance.select', { label: label(claim) })} checked={selected.has(claim.id)} onChange={() => toggle(claim.id)} data-testid="payable-select" />,
        }
      : null,
    {
      key: 'claim',
      header: t('mdf.columns.claim'),
      cell: (claim) => (
        <>
          <Anchor component={Link} to={`/mdf/requests/${claim.requestId}`} fw={500}>
            {label(claim)}
          </Anchor>
          {claim.request ? (
            <Text size="xs" c="dimmed">
              {requestReference(claim.request.number)} · {claim.fund?.periodLabel}
            </Text>
          ) : null}
        </>
      ),
    },
    { key: 'partner', header: t('mdf.columns.partner'), cell: (claim) => claim.fund?.organisation?.name ?? '—' },
    { key: 'amount', header: t('mdf.finance.toPay'), align: 'right', testId: 'payable-amount', cell: (claim) => (claim.approvedAmount ? format.money(claim.approvedAmount, claim.currency) : '—') },
    { key: 'approvedOn', header: t('mdf.finance.approvedOn'), cell: (claim) => (claim.decidedAt ? format.dateTime(claim.decidedAt) : '—') },
  ];

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <PageTitle documentTitle={t('mdf.finance.title')}>{t('mdf.finance.title')}</PageTitle>
          <Text c="dimmed" size="sm" mt={-8}>
            {canPay ? t('mdf.finance.intro') : t('mdf.finance.introReadOnly')}
          </Text>
        </div>
        <CsvExportButton path="/api/mdf/claims/payable.csv" params={{}} testId="payment-file" label={t('mdf.finance.paymentFile')} hint={t('mdf.finance.paymentFileHint')} />
      </Group>
      {canPay ? (
        <Paper withBorder p="sm" data-testid="pay-bar">
          <Group justify="space-between">
            <Text size="sm" role="status" aria-live="polite" data-testid="pay-selection">
              {chosen.length === 0
                ? t('mdf.finance.noneSelected')
                : t('mdf.finance.selected', { count: chosen.length, total: format.list(totals(chosen).map((sum) => format.money(sum.amount, sum.currency))) })}
            </Text>
            <Button color="teal" disabled={chosen.length === 0} onClick={() => setPaying(true)} data-testid="mark-paid">
              {t('mdf.finance.markPaid')}
            </Button>
          </Group>
        </Paper>
      ) : null}
      {outcome ? (
        <Alert color={outcome.duplicate ? 'yellow' : 'teal'} withCloseButton onClose={() => setOutcome(null)} data-testid="pay-outcome">
          {outcome.duplicate ? t('mdf.finance.duplicate', { reference: outcome.reference }) : t('mdf.finance.paid', { count: outcome.count, reference: outcome.reference })}
        </Alert>
      ) : null}
      <MdfList
        loaded={data !== undefined}
        loading={loading}
        error={error}
        onRetry={() => void refetch()}
        empty={rows.length === 0 ? <Text data-testid="payable-empty">{t('mdf.finance.empty')}</Text> : null}
        pageInfo={data?.mdfClaims.pageInfo}
        onLoadMore={(after) => fetchMore({ variables: { after } })}
      >
        <MdfTable rows={rows} columns={columns} minWidth={900} highlightOnHover testId="payable-table" rowTestId="payable-row" rowIdAttribute="claim-id" />
      </MdfList>
      <Modal opened={paying} onClose={() => setPaying(false)} title={t('mdf.finance.dialogTitle', { count: chosen.length })}>
        {paying ? (
          <MarkPaidForm
            claims={chosen}
            onCancel={() => setPaying(false)}
            onDone={(result) => {
              setPaying(false);
              setSelected(new Set());
              setOutcome(result);
            }}
          />
        ) : null}
      </Modal>
    </Stack>
  );
}

/**
 * Payment reference and date for the chosen claims. The idempotency key is made once when the dialog
 * opens, so a double click or a retry after a lost answer pays once.
 */
function MarkPaidForm({ claims, onCancel, onDone }: { claims: readonly Claim[]; onCancel: () => void; onDone: (result: { count: number; duplicate: boolean; reference: string }) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [claimIds] = useState(() => claims.map((claim) => claim.id));
  const [paymentReference, setReference] = useState('');
  const [paymentDate, setDate] = useState(() => new Date().toISOString().slice(0, 10));
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<ErrorLike | null>(null);
  const [markPaid, { loading }] = useMutation(MarkMdfClaimsPaidDocument, { refetchQueries: MDF_REFETCH, awaitRefetchQueries: true });
  const { parsed, field } = useFieldErrors(error);

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTouched(true);
    if (!paymentReference.trim() || !paymentDate || loading) return;
    setError(null);
    try {
      const result = await markPaid({ variables: { input: { claimIds, paymentReference: paymentReference.trim(), paymentDate, idempotencyKey } } });
      const payment = result.data?.markMdfClaimsPaid;
      onDone({ count: payment?.claims.length ?? claimIds.length, duplicate: payment?.duplicate ?? false, reference: payment?.paymentReference ?? paymentReference.trim() });
    } catch (caught) {
      setError(asErrorLike(caught));
    }
  };

  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate data-testid="mark-paid-form" data-idempotency-key={idempotencyKey}>
      <Stack gap="md">
        <Text size="sm">
          {t('mdf.finance.dialogIntro', { total: format.list(totals(claims).map((sum) => format.money(sum.amount, sum.currency))) })}
        </Text>
        {parsed && !field('paymentReference') && !field('paymentDate') ? <ErrorAlert error={error} /> : null}
        <TextInput
          label={t('mdf.finance.reference')}
          required
          maxLength={200}
          value={paymentReference}
          onChange={(event) => setReference(event.currentTarget.value)}
          error={touched && !paymentReference.trim() ? t('mdf.requestForm.required') : field('paymentReference')}
          data-testid="payment-reference"
        />
        <TextInput
          type="date"
          label={t('mdf.finance.date')}
          required
          value={paymentDate}
          onChange={(event) => setDate(event.currentTarget.value)}
          error={touched && !paymentDate ? t('mdf.requestForm.required') : field('paymentDate')}
          data-testid="payment-date"
        />
        <DialogButtons busy={loading} submitLabel={t('mdf.finance.confirm', { count: claimIds.length })} onCancel={onCancel} testId="mark-paid-submit" color="teal" />
      </Stack>
    </form>
  );
}

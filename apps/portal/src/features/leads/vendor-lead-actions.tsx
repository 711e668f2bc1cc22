import type { ErrorLike } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RowActionButton } from '../../app/components/row-action-button';
import type { LeadRowFragment } from '../../gql/graphql';
import { leadLabel } from './lead-status';
import { AssignLeadDocument, WithdrawLeadDocument } from './leads.documents';

interface VendorLeadActionsProps {
  lead: LeadRowFragment;
  /** Opens the dialog to choose a partner. */
  onAssign: (lead: LeadRowFragment) => void;
  /** Receives null on success or the error, which the page shows above the table. */
  onResult: (error: ErrorLike | null) => void;
}

const refetch = { refetchQueries: ['Leads'], awaitRefetchQueries: true };

/**
 * What a channel manager can do with a lead now: one in the pool is assigned (by rule or to a chosen
 * partner) or closed; an assigned one is taken back into the pool or closed.
 */
export function VendorLeadActions({ lead, onAssign, onResult }: VendorLeadActionsProps) {
  const { t } = useTranslation();
  const [assignByRule, byRule] = useMutation(AssignLeadDocument, refetch);
  const [withdraw, withdrawing] = useMutation(WithdrawLeadDocument, refetch);
  const [close, closing] = useMutation(WithdrawLeadDocument, refetch);
  const label = leadLabel(lead);
  if (lead.status !== 'OPEN' && lead.status !== 'ASSIGNED') return null;

  const closeButton = (
    <RowActionButton
      label={t('leads.close')}
      ariaLabel={t('leads.closeNamed', { label })}
      color="gray"
      loading={closing.loading}
      run={() => close({ variables: { id: lead.id, close: true } })}
      onResult={onResult}
      testId="lead-close"
    />
  );
  if (lead.status === 'ASSIGNED') {
    return (
      <>
        <RowActionButton
          label={t('leads.withdraw')}
          ariaLabel={t('leads.withdrawNamed', { label })}
          color="orange"
          loading={withdrawing.loading}
          run={() => withdraw({ variables: { id: lead.id, close: false } })}
          onResult={onResult}
          testId="lead-withdraw"
        />
        {closeButton}
      </>
    );
  }
  return (
    <>
      <RowActionButton
        label={t('leads.assignByRule')}
        ariaLabel={t('leads.assignByRuleNamed', { label })}
        color="blue"
        loading={byRule.loading}
        run={() => assignByRule({ variables: { id: lead.id } })}
        onResult={onResult}
        testId="lead-assign-rule"
      />
      <Button size="xs" variant="light" onClick={() => onAssign(lead)} aria-label={t('leads.assignToPartnerNamed', { label })} data-testid="lead-assign-partner">
        {t('leads.assignToPartner')}
      </Button>
      {closeButton}
    </>
  );
}

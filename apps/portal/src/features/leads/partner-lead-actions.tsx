import type { ErrorLike } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { RowActionButton } from '../../app/components/row-action-button';
import type { LeadRowFragment } from '../../gql/graphql';
import { leadLabel } from './lead-status';
import { AcceptLeadDocument } from './leads.documents';

interface PartnerLeadActionsProps {
  lead: LeadRowFragment;
  /** Opens the dialog that asks for the reason. */
  onDecline: (lead: LeadRowFragment) => void;
  /** Receives null on success or the error, which the page shows above the table. */
  onResult: (error: ErrorLike | null) => void;
}

/**
 * Accept or decline a lead waiting for the partner's answer. Accepting makes a draft registration
 * prefilled from the lead and opens its form, so the rep completes and submits it.
 */
export function PartnerLeadActions({ lead, onDecline, onResult }: PartnerLeadActionsProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [accept, accepting] = useMutation(AcceptLeadDocument, { refetchQueries: ['Leads'] });
  if (lead.status !== 'ASSIGNED') return null;
  const label = leadLabel(lead);
  return (
    <>
      <RowActionButton
        label={t('leads.accept')}
        ariaLabel={t('leads.acceptNamed', { label })}
        color="teal"
        loading={accepting.loading}
        run={async () => {
          const registrationId = (await accept({ variables: { id: lead.id } })).data?.acceptLead.registrationId;
          if (registrationId) void navigate(`/deals/${registrationId}/edit`);
        }}
        onResult={onResult}
        testId="lead-accept"
      />
      <Button size="xs" variant="light" color="red" onClick={() => onDecline(lead)} aria-label={t('leads.declineNamed', { label })} data-testid="lead-decline">
        {t('leads.decline')}
      </Button>
    </>
  );
}

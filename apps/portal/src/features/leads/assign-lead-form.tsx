import { useMutation } from '@apollo/client/react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorSummary } from '../../app/errors/form-error-summary';
import { useFieldErrors } from '../../app/errors/use-field-errors';
import type { LeadRowFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';
import { leadLabel } from './lead-status';
import { AssignLeadDocument } from './leads.documents';
import { PartnerSelect, type PickedPartner } from './partner-select';

/** Passes a lead from the pool to a partner chosen by hand. */
export function AssignLeadForm({ lead, onDone }: { lead: LeadRowFragment; onDone: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [partner, setPartner] = useState<PickedPartner | null>(null);
  const [touched, setTouched] = useState(false);
  const [assign, { loading, error }] = useMutation(AssignLeadDocument, { refetchQueries: ['Leads'], awaitRefetchQueries: true });
  const { parsed, field } = useFieldErrors(error);

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTouched(true);
    if (!partner) return;
    try {
      await assign({ variables: { id: lead.id, organisationId: partner.id } });
      onDone();
    } catch {
      // Field messages and the summary come from the hook's `error`.
    }
  };

  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate data-testid="assign-lead-form">
      <Stack gap="md">
        <Text size="sm">
          {leadLabel(lead)} · {[lead.city, format.country(lead.country)].filter(Boolean).join(', ')}
        </Text>
        <FormErrorSummary parsed={parsed} isShown={(name) => name === 'organisationId'} />
        <PartnerSelect
          value={partner}
          onChange={setPartner}
          error={(touched && !partner ? t('leads.partnerRequired') : undefined) ?? field('organisationId')}
          testId="assign-lead-partner"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" loading={loading} data-testid="assign-lead-submit">
            {t('leads.assign')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

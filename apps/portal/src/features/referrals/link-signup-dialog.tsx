import { useMutation, useQuery } from '@apollo/client/react';
import { Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogButtons } from '../../app/components/dialog-buttons';
import { FormErrorSummary } from '../../app/errors/form-error-summary';
import { useFieldErrors } from '../../app/errors/use-field-errors';
import { LinkReferralSignupDocument, ReferralCustomerSearchDocument } from './referrals.documents';

/** Vendor staff: the revenue customer a sign-up became (its MRR becomes commissionable for the referring partner). */
export function LinkSignupDialog({ signup, onDone }: { signup: { id: string; company: string }; onDone: () => void }) {
  const { t } = useTranslation();
  const [searchText, setSearchText] = useState(signup.company);
  const [search] = useDebouncedValue(searchText.trim(), 300);
  const [customerId, setCustomerId] = useState<string | null>(null);
  const { data } = useQuery(ReferralCustomerSearchDocument, { variables: { search: search || undefined } });
  const [link, { loading, error }] = useMutation(LinkReferralSignupDocument, { refetchQueries: ['ReferralSignups'], awaitRefetchQueries: true });
  const { parsed, field } = useFieldErrors(error);
  const options = (data?.revenueCustomers.edges ?? []).map(({ node }) => ({ value: node.id, label: node.domain ? `${node.name} (${node.domain})` : node.name }));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!customerId) return;
    try {
      await link({ variables: { input: { signupId: signup.id, customerId } } });
      onDone();
    } catch {
      // Shown through the hook's `error`.
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="referral-link-form">
      <Stack gap="md">
        <FormErrorSummary parsed={parsed} />
        <Text size="sm">{t('referrals.linkIntro', { company: signup.company })}</Text>
        <Select
          label={t('referrals.customer')}
          searchable
          required
          searchValue={searchText}
          onSearchChange={setSearchText}
          data={options}
          value={customerId}
          onChange={setCustomerId}
          nothingFoundMessage={t('referrals.noCustomers')}
          error={field('customerId')}
          data-testid="referral-customer-select"
        />
        <DialogButtons busy={loading} submitLabel={t('referrals.link')} onCancel={onDone} testId="referral-link-submit" disabled={!customerId} />
      </Stack>
    </form>
  );
}

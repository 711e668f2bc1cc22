import { useMutation } from '@apollo/client/react';
import { Button, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorSummary } from '../../app/errors/form-error-summary';
import { useFieldErrors } from '../../app/errors/use-field-errors';
import { useFormat } from '../../i18n/use-format';
import { customerCountryOptions } from '../deals/customer-countries';
import { CreateHouseAccountDocument } from './house-accounts.documents';

/** Adds one account the vendor sells to directly. */
export function HouseAccountForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [values, setValues] = useState({ companyName: '', website: '', country: null as string | null, notes: '' });
  const [touched, setTouched] = useState(false);
  const [create, { loading, error }] = useMutation(CreateHouseAccountDocument, { refetchQueries: ['HouseAccounts'], awaitRefetchQueries: true });
  const { parsed, field } = useFieldErrors(error);

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTouched(true);
    if (!values.companyName.trim()) return;
    try {
      await create({
        variables: {
          input: {
            companyName: values.companyName.trim(),
            website: values.website.trim() || undefined,
            country: values.country ?? undefined,
            notes: values.notes.trim() || undefined,
          },
        },
      });
      onDone();
    } catch {
      // Field messages and the summary come from the hook's `error`.
    }
  };

  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate data-testid="house-account-form">
      <Stack gap="md">
        <FormErrorSummary parsed={parsed} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label={t('houseAccounts.companyName')}
            required
            value={values.companyName}
            onChange={(event) => setValues((v) => ({ ...v, companyName: event.currentTarget.value }))}
            error={(touched && !values.companyName.trim() ? t('houseAccounts.companyNameRequired') : undefined) ?? field('companyName')}
            data-testid="house-account-name"
          />
          <TextInput
            label={t('houseAccounts.website')}
            description={t('partner.websiteHint')}
            value={values.website}
            onChange={(event) => setValues((v) => ({ ...v, website: event.currentTarget.value }))}
            error={field('website')}
            data-testid="house-account-website"
          />
          <Select
            label={t('houseAccounts.country')}
            searchable
            clearable
            value={values.country}
            onChange={(country) => setValues((v) => ({ ...v, country }))}
            data={customerCountryOptions(format)}
            error={field('country')}
          />
        </SimpleGrid>
        <Textarea
          label={t('houseAccounts.notes')}
          autosize
          minRows={2}
          maxLength={500}
          value={values.notes}
          onChange={(event) => setValues((v) => ({ ...v, notes: event.currentTarget.value }))}
          error={field('notes')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" loading={loading} data-testid="house-account-save">
            {t('houseAccounts.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

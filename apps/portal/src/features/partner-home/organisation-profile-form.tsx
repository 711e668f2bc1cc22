import { useMutation } from '@apollo/client/react';
import { Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSelect } from '../../app/components/language-select';
import { useFieldErrors } from '../../app/errors/use-field-errors';
import type { Language, UpdateOrganisationProfileInput } from '../../gql/graphql';
import { UpdateMyOrganisationDocument } from './partner-home.documents';
import { FormErrorSummary } from '../../app/errors/form-error-summary';

const TEXT_FIELDS = ['legalName', 'city', 'website', 'vatNumber'] as const;
type TextField = (typeof TEXT_FIELDS)[number];

export interface OwnProfile extends Record<TextField, string | null> {
  preferredLanguage: Language;
}

/** A partner admin keeps the organisation's own profile up to date; name, status and manager stay with the vendor. */
export function OrganisationProfileForm({ profile, onDone }: { profile: OwnProfile; onDone: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<OwnProfile>(profile);
  const [update, { loading, error }] = useMutation(UpdateMyOrganisationDocument);
  const { parsed, field } = useFieldErrors(error);

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Only changed fields are sent, so the audit log records what was really edited.
    const input: UpdateOrganisationProfileInput = {};
    for (const key of TEXT_FIELDS) {
      const next = (values[key] ?? '').trim();
      if (next !== (profile[key] ?? '') && next !== '') input[key] = next;
    }
    if (values.preferredLanguage !== profile.preferredLanguage) input.preferredLanguage = values.preferredLanguage;
    if (Object.keys(input).length === 0) return onDone();
    try {
      await update({ variables: { input } });
      onDone();
    } catch {
      // Field messages and the summary come from the hook's `error`.
    }
  };

  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate data-testid="organisation-profile-form">
      <Stack gap="md">
        <FormErrorSummary parsed={parsed} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {TEXT_FIELDS.map((key) => (
            <TextInput
              key={key}
              label={t(`partner.fields.${key}`)}
              value={values[key] ?? ''}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setValues((v) => ({ ...v, [key]: value }));
              }}
              error={field(key)}
              description={key === 'website' ? t('partner.websiteHint') : undefined}
            />
          ))}
          <LanguageSelect
            value={values.preferredLanguage}
            onChange={(value) => setValues((v) => ({ ...v, preferredLanguage: value }))}
            error={field('preferredLanguage')}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" loading={loading}>
            {t('actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

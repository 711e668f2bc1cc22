import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSelect } from '../../app/components/language-select';
import { useFieldErrors } from '../../app/errors/use-field-errors';
import type { Language, OrganisationStatus, PartnerProfileFragment, UpdatePartnerInput } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';
import { PARTNER_COUNTRIES } from '../partners/countries';
import { ChannelManagersDocument, UpdatePartnerDocument } from './partner-detail.documents';
import { FormErrorSummary } from '../../app/errors/form-error-summary';

const TEXT_FIELDS = ['name', 'legalName', 'city', 'website', 'vatNumber', 'segment', 'currency'] as const;
type TextField = (typeof TEXT_FIELDS)[number];

interface FormValues extends Record<TextField, string> {
  country: string;
  preferredLanguage: Language;
  status: OrganisationStatus;
  channelManagerId: string;
}

const toForm = (p: PartnerProfileFragment): FormValues => ({
  name: p.name,
  legalName: p.legalName ?? '',
  city: p.city ?? '',
  website: p.website ?? '',
  vatNumber: p.vatNumber ?? '',
  segment: p.segment ?? '',
  currency: p.currency,
  country: p.country,
  preferredLanguage: p.preferredLanguage,
  status: p.status,
  channelManagerId: p.channelManagerId ?? '',
});

/** Only changed fields are sent, so the audit log records what the user really edited. */
function changes(before: FormValues, after: FormValues): UpdatePartnerInput {
  const input: UpdatePartnerInput = {};
  for (const key of TEXT_FIELDS) if (after[key].trim() !== before[key]) input[key] = after[key].trim();
  if (after.country !== before.country) input.country = after.country;
  if (after.preferredLanguage !== before.preferredLanguage) input.preferredLanguage = after.preferredLanguage;
  if (after.status !== before.status) input.status = after.status;
  if (after.channelManagerId && after.channelManagerId !== before.channelManagerId) input.channelManagerId = after.channelManagerId;
  return input;
}

interface PartnerEditFormProps {
  partner: PartnerProfileFragment;
  onDone: () => void;
}

export function PartnerEditForm({ partner, onDone }: PartnerEditFormProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const initial = toForm(partner);
  const [values, setValues] = useState<FormValues>(initial);
  const [update, { loading, error }] = useMutation(UpdatePartnerDocument);
  const { data: managers } = useQuery(ChannelManagersDocument);
  const { parsed, field } = useFieldErrors(error);

  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = changes(initial, values);
    if (Object.keys(input).length === 0) {
      onDone();
      return;
    }
    try {
      await update({ variables: { id: partner.id, input } });
      onDone();
    } catch {
      // Field messages and the summary come from the hook's `error`.
    }
  };

  const known: readonly string[] = PARTNER_COUNTRIES;
  const countries = known.includes(values.country) ? [...known] : [values.country, ...known];

  const text = (key: TextField, label: string, extra: { required?: boolean; description?: string } = {}) => (
    <TextInput
      label={label}
      value={values[key]}
      onChange={(event) => set(key, event.currentTarget.value)}
      error={field(key)}
      {...extra}
    />
  );

  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate data-testid="partner-edit-form">
      <Stack gap="md">
        <FormErrorSummary parsed={parsed} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {text('name', t('partner.fields.name'), { required: true })}
          {text('legalName', t('partner.fields.legalName'))}
          <Select
            label={t('partner.fields.country')}
            required
            allowDeselect={false}
            value={values.country}
            onChange={(value) => value && set('country', value)}
            data={countries.map((code) => ({ value: code, label: `${format.country(code)} (${code})` }))}
            error={field('country')}
          />
          {text('city', t('partner.fields.city'))}
          {text('website', t('partner.fields.website'), { description: t('partner.websiteHint') })}
          {text('vatNumber', t('partner.fields.vatNumber'))}
          {text('segment', t('partner.fields.segment'))}
          {text('currency', t('partner.fields.currency'))}
          <LanguageSelect value={values.preferredLanguage} onChange={(value) => set('preferredLanguage', value)} error={field('preferredLanguage')} />
          <Select
            label={t('partner.fields.status')}
            allowDeselect={false}
            value={values.status}
            onChange={(value) => (value === 'ACTIVE' || value === 'SUSPENDED') && set('status', value)}
            data={[
              { value: 'ACTIVE', label: t('organisationStatus.ACTIVE') },
              { value: 'SUSPENDED', label: t('organisationStatus.SUSPENDED') },
            ]}
            error={field('status')}
          />
          <Select
            label={t('partner.fields.channelManager')}
            placeholder={t('partners.noManager')}
            allowDeselect={false}
            value={values.channelManagerId || null}
            onChange={(value) => set('channelManagerId', value ?? '')}
            data={managers?.users.edges.map((e) => ({ value: e.node.id, label: e.node.name })) ?? []}
            error={field('channelManagerId')}
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

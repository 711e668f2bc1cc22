import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Fieldset, Group, MultiSelect, Radio, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorSummary } from '../../app/errors/form-error-summary';
import type { ParsedError } from '../../app/errors/graphql-errors';
import { useFieldErrors } from '../../app/errors/use-field-errors';
import type { CreateLeadInput } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';
import { customerCountryOptions } from '../deals/customer-countries';
import { DEAL_CURRENCIES } from '../deals/deal-form-values';
import { productOptions } from '../deals/product-lines-input';
import { normaliseDecimal } from '../programs/decimal-input';
import { CreateLeadDocument, LeadOptionsDocument } from './leads.documents';
import { PartnerSelect, type PickedPartner } from './partner-select';

type AssignNow = 'none' | 'partner' | 'rule';

interface LeadFormValues {
  companyName: string;
  website: string;
  country: string | null;
  city: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  programId: string | null;
  productIds: string[];
  estimatedMrr: string;
  currency: string;
  notes: string;
  assign: AssignNow;
  partner: PickedPartner | null;
}

const EMPTY: LeadFormValues = {
  companyName: '',
  website: '',
  country: null,
  city: '',
  contactName: '',
  contactEmail: '',
  contactPhone: '',
  programId: null,
  productIds: [],
  estimatedMrr: '',
  currency: 'EUR',
  notes: '',
  assign: 'none',
  partner: null,
};

type RequiredField = 'companyName' | 'country' | 'partner';
const REQUIRED_MESSAGE: Record<RequiredField, 'companyNameRequired' | 'countryRequired' | 'partnerRequired'> = {
  companyName: 'companyNameRequired',
  country: 'countryRequired',
  partner: 'partnerRequired',
};

/** Field paths the form shows under an input; anything else the API reports goes into the summary. */
const SHOWN_FIELDS = new Set(['companyName', 'website', 'country', 'city', 'contactName', 'contactEmail', 'contactPhone', 'programId', 'productIds', 'estimatedMrr', 'currency', 'notes']);

function missingFields(values: LeadFormValues): RequiredField[] {
  const missing: RequiredField[] = [];
  if (!values.companyName.trim()) missing.push('companyName');
  if (!values.country) missing.push('country');
  if (values.assign === 'partner' && !values.partner) missing.push('partner');
  return missing;
}

/** The input field the API names in its messages; the partner is sent as `assignTo`. */
const apiField = (name: keyof LeadFormValues): string => (name === 'partner' ? 'assignTo' : name);

const optional = (text: string): string | undefined => text.trim() || undefined;

function toInput(values: LeadFormValues): CreateLeadInput {
  return {
    companyName: values.companyName.trim(),
    website: optional(values.website),
    country: values.country ?? '',
    city: optional(values.city),
    contactName: optional(values.contactName),
    contactEmail: optional(values.contactEmail),
    contactPhone: optional(values.contactPhone),
    programId: values.programId ?? undefined,
    productIds: values.productIds.length > 0 ? values.productIds : undefined,
    estimatedMrr: normaliseDecimal(values.estimatedMrr) || undefined,
    currency: values.currency,
    notes: optional(values.notes),
    assignTo: values.assign === 'partner' ? values.partner?.id : undefined,
    assignByRule: values.assign === 'rule',
  };
}

/**
 * A new lead for the pool: the customer, the contact, what it is interested in, and optionally to whom
 * it goes now. The API checks the assignment before it writes anything, so a refused one adds no lead.
 */
export function LeadForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [values, setValues] = useState<LeadFormValues>(EMPTY);
  const [missing, setMissing] = useState<RequiredField[]>([]);
  const { data: options } = useQuery(LeadOptionsDocument, { fetchPolicy: 'cache-and-network' });
  const [create, { loading, error }] = useMutation(CreateLeadDocument, { refetchQueries: ['Leads'], awaitRefetchQueries: true });
  const { parsed, field } = useFieldErrors(error);
  const set = <K extends keyof LeadFormValues>(key: K, value: LeadFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const isMissing = (name: string): name is RequiredField => (missing as readonly string[]).includes(name);
  /** The message under a field: a required field left empty, else what the API said. */
  const fieldError = (name: keyof LeadFormValues): string | undefined => (isMissing(name) ? t(`leads.${REQUIRED_MESSAGE[name]}`) : field(apiField(name)));

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const empty = missingFields(values);
    setMissing(empty);
    if (empty.length > 0) return;
    try {
      await create({ variables: { input: toInput(values) } });
      onDone();
    } catch {
      // Field messages and the summary (e.g. no partner matches the routing rule) come from the hook's `error`.
    }
  };

  // Empty required fields are reported the same way as the API's field errors.
  const summary: ParsedError | null =
    missing.length > 0 ? { code: 'BAD_USER_INPUT', message: '', fields: Object.fromEntries(missing.map((name) => [name, []])) } : parsed;
  const programs = (options?.programs ?? []).filter((program) => program.active);
  const text = (key: 'companyName' | 'website' | 'city' | 'contactName' | 'contactEmail' | 'contactPhone', label: string, extra: { required?: boolean; description?: string; type?: string } = {}) => (
    <TextInput
      label={label}
      required={extra.required}
      description={extra.description}
      type={extra.type}
      value={values[key]}
      onChange={(event) => set(key, event.currentTarget.value)}
      error={fieldError(key)}
      data-testid={`lead-${key}`}
    />
  );

  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate data-testid="lead-form">
      <Stack gap="md">
        <FormErrorSummary parsed={summary} isShown={(name) => SHOWN_FIELDS.has(name) || isMissing(name) || (name === 'assignTo' && values.assign === 'partner')} />
        <Fieldset legend={t('dealForm.customer')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {text('companyName', t('dealForm.fields.customerName'), { required: true })}
            {text('website', t('dealForm.fields.customerWebsite'), { description: t('partner.websiteHint') })}
            <Select
              label={t('dealForm.fields.customerCountry')}
              required
              searchable
              allowDeselect={false}
              value={values.country}
              onChange={(country) => set('country', country)}
              data={customerCountryOptions(format)}
              error={fieldError('country')}
              data-testid="lead-country"
            />
            {text('city', t('dealForm.fields.customerCity'))}
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('dealForm.contact')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            {text('contactName', t('dealForm.fields.contactName'))}
            {text('contactEmail', t('dealForm.fields.contactEmail'), { type: 'email' })}
            {text('contactPhone', t('dealForm.fields.contactPhone'), { type: 'tel' })}
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('leads.interest')}>
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <Select
                label={t('leads.program')}
                description={t('leads.programHint')}
                placeholder={t('leads.anyProgram')}
                clearable
                value={values.programId}
                onChange={(programId) => set('programId', programId)}
                data={programs.map((program) => ({ value: program.id, label: program.name }))}
                error={fieldError('programId')}
                data-testid="lead-program"
              />
              <MultiSelect
                label={t('leads.products')}
                description={t('leads.productsHint')}
                searchable
                value={values.productIds}
                onChange={(productIds) => set('productIds', productIds)}
                data={productOptions(options?.products ?? [])}
                error={fieldError('productIds')}
                data-testid="lead-products"
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                label={t('dealForm.fields.estimatedMrr')}
                description={t('dealForm.mrrHint')}
                inputMode="decimal"
                value={values.estimatedMrr}
                onChange={(event) => set('estimatedMrr', event.currentTarget.value)}
                error={fieldError('estimatedMrr')}
                data-testid="lead-mrr"
              />
              <Select
                label={t('dealForm.fields.currency')}
                allowDeselect={false}
                value={values.currency}
                onChange={(currency) => currency && set('currency', currency)}
                data={[...DEAL_CURRENCIES]}
                error={fieldError('currency')}
                data-testid="lead-currency"
              />
            </SimpleGrid>
          </Stack>
        </Fieldset>
        <Textarea
          label={t('dealForm.fields.notes')}
          autosize
          minRows={2}
          maxLength={4000}
          value={values.notes}
          onChange={(event) => set('notes', event.currentTarget.value)}
          error={fieldError('notes')}
          data-testid="lead-notes"
        />
        <Fieldset legend={t('leads.assignNow')}>
          <Stack gap="sm">
            <Radio.Group value={values.assign} onChange={(assign) => set('assign', assign === 'partner' || assign === 'rule' ? assign : 'none')} aria-label={t('leads.assignNow')}>
              <Group gap="lg">
                <Radio value="none" label={t('leads.assignNone')} data-testid="lead-assign-now-none" />
                <Radio value="partner" label={t('leads.assignPartner')} data-testid="lead-assign-now-partner" />
                <Radio value="rule" label={t('leads.assignRule')} data-testid="lead-assign-now-rule" />
              </Group>
            </Radio.Group>
            {values.assign === 'partner' ? <PartnerSelect value={values.partner} onChange={(partner) => set('partner', partner)} error={fieldError('partner')} testId="lead-partner" /> : null}
          </Stack>
        </Fieldset>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" loading={loading} data-testid="lead-save">
            {t('leads.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

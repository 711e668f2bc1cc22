import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Checkbox, Fieldset, Grid, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { FormErrorSummary } from '../../app/errors/form-error-summary';
import type { ParsedError } from '../../app/errors/graphql-errors';
import { useFieldErrors } from '../../app/errors/use-field-errors';
import type { DealStatus } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';
import { customerCountryOptions } from './customer-countries';
import { DealRulesCard } from './deal-rules-card';
import {
  DEAL_CURRENCIES,
  firstYearValue,
  missingFields,
  toCreateInput,
  toUpdateInput,
  type DealFormValues,
  type RequiredField,
} from './deal-form-values';
import { SALES_STAGES } from './deal-status';
import { CreateDealRegistrationDocument, DealRulesDocument, UpdateDealRegistrationDocument } from './deals.documents';
import { DuplicateHints } from './duplicate-hints';
import { ProductLinesInput, type CatalogueProduct } from './product-lines-input';

interface DealFormProps {
  initial: DealFormValues;
  programs: readonly { id: string; name: string }[];
  products: readonly CatalogueProduct[];
  /** Set when editing a saved registration (a draft or one waiting for more information). */
  existing?: { id: string; status: DealStatus };
}

const REQUIRED_MESSAGE: Record<RequiredField, 'programRequired' | 'nameRequired' | 'websiteRequired' | 'countryRequired' | 'productsRequired' | 'closeDateRequired' | 'stageRequired'> = {
  programId: 'programRequired',
  customerName: 'nameRequired',
  customerWebsite: 'websiteRequired',
  customerCountry: 'countryRequired',
  products: 'productsRequired',
  expectedCloseDate: 'closeDateRequired',
  salesStage: 'stageRequired',
};

/** Field paths the form shows under an input; anything else the API reports goes into the summary. */
const SHOWN_FIELDS = new Set([
  'customerName',
  'customerWebsite',
  'customerCountry',
  'customerCity',
  'contactName',
  'contactEmail',
  'contactPhone',
  'products',
  'currency',
  'estimatedMrr',
  'estimatedOneTime',
  'expectedCloseDate',
  'salesStage',
  'notes',
]);
const PRODUCT_LINE_FIELD = /^products\.\d+\.(productId|quantity)$/;

/** The one-page deal registration: customer, contact, products, value and timing, with the program's rules beside it. */
export function DealForm({ initial, programs, products, existing }: DealFormProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const [values, setValues] = useState<DealFormValues>(initial);
  const [missing, setMissing] = useState<RequiredField[]>([]);
  const [create, created] = useMutation(CreateDealRegistrationDocument);
  const [update, updated] = useMutation(UpdateDealRegistrationDocument);
  const saving = existing ? updated : created;
  const { parsed, field } = useFieldErrors(saving.error);
  const [submitting, setSubmitting] = useState(false);
  const { data: rulesData } = useQuery(DealRulesDocument, { variables: { programId: values.programId ?? '' }, skip: !values.programId });

  const programChoice = !existing && programs.length > 1;
  const set = <K extends keyof DealFormValues>(key: K, value: DealFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const isMissing = (name: string): name is RequiredField => (missing as readonly string[]).includes(name);
  /** The message under a field: a required field left empty, else what the API said. */
  const error = (name: keyof DealFormValues): string | undefined => (isMissing(name) ? t(`dealForm.${REQUIRED_MESSAGE[name]}`) : field(name));

  const save = async (submit: boolean) => {
    setSubmitting(submit);
    const empty = missingFields(values, submit, programChoice);
    setMissing(empty);
    if (empty.length > 0) return;
    try {
      const id = existing
        ? (await update({ variables: { id: existing.id, input: toUpdateInput(values, submit) } })).data?.updateDealRegistration.id
        : (await create({ variables: { input: toCreateInput(values, submit) } })).data?.createDealRegistration.id;
      if (id) void navigate(`/deals/${id}`);
    } catch {
      // Field messages and the summary come from the hook's `error`.
    }
  };

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void save(true);
  };

  // Empty required fields are reported the same way as the API's field errors.
  const summary: ParsedError | null =
    missing.length > 0 ? { code: 'BAD_USER_INPUT', message: '', fields: Object.fromEntries(missing.map((name) => [name, []])) } : parsed;
  const rules = rulesData?.dealRules;
  const value = firstYearValue(values);
  const belowMinimum =
    rules && value !== null && value > 0 && Number(rules.minimumValue) > 0 && rules.minimumValueCurrency === values.currency && value < Number(rules.minimumValue);
  const currencies = [...new Set<string>([...DEAL_CURRENCIES, values.currency])];
  const text = (key: 'customerName' | 'customerWebsite' | 'customerCity' | 'contactName' | 'contactEmail' | 'contactPhone', extra: { required?: boolean; description?: string; type?: string; testId?: string } = {}) => (
    <TextInput
      label={t(`dealForm.fields.${key}`)}
      required={extra.required}
      description={extra.description}
      type={extra.type}
      value={values[key]}
      onChange={(event) => set(key, event.currentTarget.value)}
      error={error(key)}
      data-testid={extra.testId}
    />
  );

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <form onSubmit={handleSubmit} noValidate data-testid="deal-form">
          <Stack gap="lg">
            <FormErrorSummary parsed={summary} isShown={(name) => SHOWN_FIELDS.has(name) || PRODUCT_LINE_FIELD.test(name) || (programChoice && name === 'programId')} />
            {programChoice ? (
              <Select
                label={t('dealForm.fields.program')}
                required
                allowDeselect={false}
                value={values.programId}
                onChange={(programId) => set('programId', programId)}
                data={programs.map((program) => ({ value: program.id, label: program.name }))}
                error={error('programId')}
                data-testid="deal-program"
              />
            ) : null}
            <Fieldset legend={t('dealForm.customer')}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                {text('customerName', { required: true, testId: 'deal-customer-name' })}
                {text('customerWebsite', { required: true, description: t('dealForm.websiteHint'), testId: 'deal-website' })}
                <Select
                  label={t('dealForm.fields.customerCountry')}
                  required
                  searchable
                  allowDeselect={false}
                  value={values.customerCountry}
                  onChange={(country) => set('customerCountry', country)}
                  data={customerCountryOptions(format, values.customerCountry)}
                  error={error('customerCountry')}
                  data-testid="deal-country"
                />
                {text('customerCity', { testId: 'deal-city' })}
              </SimpleGrid>
              <DuplicateHints
                customerName={values.customerName}
                customerWebsite={values.customerWebsite}
                customerCountry={values.customerCountry}
                registrationId={existing?.id}
              />
            </Fieldset>
            <Fieldset legend={t('dealForm.contact')}>
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
                {text('contactName', { testId: 'deal-contact-name' })}
                {text('contactEmail', { type: 'email', testId: 'deal-contact-email' })}
                {text('contactPhone', { type: 'tel', testId: 'deal-contact-phone' })}
              </SimpleGrid>
            </Fieldset>
            <Fieldset legend={t('dealForm.products')}>
              <ProductLinesInput
                lines={values.products}
                products={products}
                onChange={(lines) => set('products', lines)}
                error={error('products')}
                lineError={(index, name) => field(`products.${index}.${name}`)}
              />
            </Fieldset>
            <Fieldset legend={t('dealForm.value')}>
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
                <Select
                  label={t('dealForm.fields.currency')}
                  allowDeselect={false}
                  value={values.currency}
                  onChange={(currency) => currency && set('currency', currency)}
                  data={currencies}
                  error={error('currency')}
                  data-testid="deal-currency"
                />
                <TextInput
                  label={t('dealForm.fields.estimatedMrr')}
                  description={t('dealForm.mrrHint')}
                  inputMode="decimal"
                  value={values.estimatedMrr}
                  onChange={(event) => set('estimatedMrr', event.currentTarget.value)}
                  error={error('estimatedMrr')}
                  data-testid="deal-mrr"
                />
                <TextInput
                  label={t('dealForm.fields.estimatedOneTime')}
                  description={t('dealForm.oneTimeHint')}
                  inputMode="decimal"
                  value={values.estimatedOneTime}
                  onChange={(event) => set('estimatedOneTime', event.currentTarget.value)}
                  error={error('estimatedOneTime')}
                  data-testid="deal-one-time"
                />
              </SimpleGrid>
              <Text size="sm" mt="sm" c={belowMinimum ? 'orange.8' : 'dimmed'} role="status" aria-live="polite" data-testid="deal-first-year-value">
                {value !== null && value > 0 ? t('dealForm.firstYearValue', { amount: format.money(value, values.currency) }) : ''}
                {belowMinimum && rules ? ` ${t('dealForm.belowMinimum', { amount: format.money(rules.minimumValue, rules.minimumValueCurrency) })}` : ''}
              </Text>
            </Fieldset>
            <Fieldset legend={t('dealForm.timing')}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <TextInput
                  type="date"
                  label={t('dealForm.fields.expectedCloseDate')}
                  required
                  value={values.expectedCloseDate}
                  onChange={(event) => set('expectedCloseDate', event.currentTarget.value)}
                  error={error('expectedCloseDate')}
                  data-testid="deal-close-date"
                />
                <Select
                  label={t('dealForm.fields.salesStage')}
                  required
                  allowDeselect={false}
                  placeholder={t('dealForm.chooseStage')}
                  value={values.salesStage}
                  onChange={(stage) => set('salesStage', SALES_STAGES.find((s) => s === stage) ?? null)}
                  data={SALES_STAGES.map((stage) => ({ value: stage, label: t(`salesStage.${stage}`) }))}
                  error={error('salesStage')}
                  data-testid="deal-sales-stage"
                />
              </SimpleGrid>
            </Fieldset>
            <Textarea
              label={t('dealForm.fields.notes')}
              autosize
              minRows={3}
              maxLength={4000}
              value={values.notes}
              onChange={(event) => set('notes', event.currentTarget.value)}
              error={error('notes')}
              data-testid="deal-notes"
            />
            <Checkbox
              label={t('dealForm.fields.fromVendorLead')}
              checked={values.fromVendorLead}
              onChange={(event) => set('fromVendorLead', event.currentTarget.checked)}
              data-testid="deal-from-vendor-lead"
            />
            <Group justify="flex-end">
              <Button variant="default" loading={saving.loading && !submitting} disabled={saving.loading && submitting} onClick={() => void save(false)} data-testid="deal-save-draft">
                {existing?.status === 'MORE_INFO_REQUESTED' ? t('actions.save') : t('dealForm.saveDraft')}
              </Button>
              <Button type="submit" loading={saving.loading && submitting} disabled={saving.loading && !submitting} data-testid="deal-submit">
                {t('dealForm.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        {rules ? <DealRulesCard rules={rules} programName={programs.find((p) => p.id === values.programId)?.name} /> : null}
      </Grid.Col>
    </Grid>
  );
}

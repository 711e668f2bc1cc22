import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFieldErrors } from '../../app/errors/use-field-errors';
import type { TierDetailsFragment } from '../../gql/graphql';
import { BENEFIT_KEYS, type BenefitKey, type Benefits } from '../tier-status/tier-benefits';
import { normaliseDecimal } from './decimal-input';
import { CreateTierDocument, UpdateTierDocument } from './programs.documents';
import { newRuleKey, RulesEditor, type RuleDraft } from './rules-editor';
import { FormErrorSummary } from '../../app/errors/form-error-summary';

type TierFormProps =
  | { mode: 'create'; programId: string; rank: number; onDone: () => void }
  | { mode: 'edit'; tier: TierDetailsFragment; onDone: () => void };

const EMPTY_BENEFITS: Benefits = {
  rebateRate: '0',
  mdfAccrualRate: '0',
  dealRegistrationDiscount: '0',
  referralCommissionRate: '0',
  mdfCofundingPct: '0',
};

export function TierForm(props: TierFormProps) {
  const { t } = useTranslation();
  const existing = props.mode === 'edit' ? props.tier : null;
  const [name, setName] = useState(existing?.name ?? '');
  const [benefits, setBenefits] = useState<Benefits>(() => {
    if (!existing) return EMPTY_BENEFITS;
    const { rebateRate, mdfAccrualRate, dealRegistrationDiscount, referralCommissionRate, mdfCofundingPct } = existing.benefits;
    return { rebateRate, mdfAccrualRate, dealRegistrationDiscount, referralCommissionRate, mdfCofundingPct };
  });
  const [rules, setRules] = useState<RuleDraft[]>(
    () => existing?.rules.map((r) => ({ key: newRuleKey(), metric: r.metric, min: r.min })) ?? [],
  );
  const [create, creating] = useMutation(CreateTierDocument, { refetchQueries: ['Programs', 'ProgramTierNames'] });
  const [update, updating] = useMutation(UpdateTierDocument);
  const state = props.mode === 'create' ? creating : updating;
  const { parsed, field } = useFieldErrors(state.error);

  const ruleError = (index: number, f: 'metric' | 'min') => field(`rules.${index}.${f}`) ?? field(`rules[${index}].${f}`);

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const cleanBenefits: Benefits = { ...benefits };
    for (const key of BENEFIT_KEYS) cleanBenefits[key] = normaliseDecimal(benefits[key]);
    const cleanRules = rules.map((r) => ({ metric: r.metric, min: normaliseDecimal(r.min) }));
    try {
      if (props.mode === 'create') {
        await create({
          variables: { input: { programId: props.programId, rank: props.rank, name: name.trim(), benefits: cleanBenefits, rules: cleanRules } },
        });
      } else {
        await update({ variables: { id: props.tier.id, input: { name: name.trim(), benefits: cleanBenefits, rules: cleanRules } } });
      }
      props.onDone();
    } catch {
      // Shown from the hook's `error`.
    }
  };

  const setBenefit = (key: BenefitKey, value: string) => setBenefits((b) => ({ ...b, [key]: value }));

  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate data-testid="tier-form">
      <Stack gap="md">
        <FormErrorSummary parsed={parsed} />
        <TextInput label={t('programs.tierName')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={field('name')} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          {BENEFIT_KEYS.map((key) => (
            <TextInput
              key={key}
              label={t(`benefits.${key}`)}
              inputMode="decimal"
              required
              rightSection="%"
              value={benefits[key]}
              onChange={(e) => setBenefit(key, e.currentTarget.value)}
              error={field(`benefits.${key}`)}
            />
          ))}
        </SimpleGrid>
        <RulesEditor rules={rules} onChange={setRules} fieldError={ruleError} />
        {field('rules') ? (
          <Alert color="red" variant="light">
            {field('rules')}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onDone}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" loading={state.loading}>
            {props.mode === 'create' ? t('programs.addTier') : t('actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

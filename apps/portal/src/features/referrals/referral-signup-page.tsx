import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { AuthCard } from '../auth/auth-card';

type Outcome = { kind: 'done' } | { kind: 'unknownLink' } | { kind: 'tooMany' } | { kind: 'failed' } | { kind: 'fields'; fields: Record<string, string[]> };

/** The public sign-up page behind a partner's referral link (`/r/:code`, no login). */
export function ReferralSignupPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const [values, setValues] = useState({ name: '', email: '', company: '' });
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const missing = (value: string): string | undefined => (touched && value.trim() === '' ? t('referrals.public.required') : undefined);
  const serverField = (name: string): string | undefined => (outcome?.kind === 'fields' && outcome.fields[name] ? t('referrals.public.invalid') : undefined);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTouched(true);
    if (!values.name.trim() || !values.email.trim() || !values.company.trim()) return;
    setBusy(true);
    try {
      const res = await fetch(`/api/referrals/${encodeURIComponent(code)}/signups`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: values.name.trim(), email: values.email.trim(), company: values.company.trim() }),
      });
      if (res.ok) setOutcome({ kind: 'done' });
      else if (res.status === 404) setOutcome({ kind: 'unknownLink' });
      else if (res.status === 429) setOutcome({ kind: 'tooMany' });
      else if (res.status === 400) {
        const body = (await res.json().catch(() => ({}))) as { error?: { fields?: Record<string, string[]> } };
        setOutcome({ kind: 'fields', fields: body.error?.fields ?? {} });
      } else setOutcome({ kind: 'failed' });
    } catch {
      setOutcome({ kind: 'failed' });
    } finally {
      setBusy(false);
    }
  };

  if (outcome?.kind === 'done') {
    return (
      <AuthCard title={t('referrals.public.title')}>
        <Alert color="teal" data-testid="referral-signup-done">
          {t('referrals.public.done')}
        </Alert>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t('referrals.public.title')} intro={t('referrals.public.intro')}>
      <form onSubmit={(event) => void submit(event)} noValidate data-testid="referral-signup-form">
        <Stack gap="md">
          {outcome?.kind === 'unknownLink' ? <Alert color="red">{t('referrals.public.unknownLink')}</Alert> : null}
          {outcome?.kind === 'tooMany' ? <Alert color="orange">{t('referrals.public.tooMany')}</Alert> : null}
          {outcome?.kind === 'failed' ? <Alert color="red">{t('referrals.public.failed')}</Alert> : null}
          <TextInput
            label={t('referrals.public.name')}
            required
            autoComplete="name"
            value={values.name}
            onChange={(event) => {
              const name = event.currentTarget.value;
              setValues((v) => ({ ...v, name }));
            }}
            error={missing(values.name) ?? serverField('name')}
            data-testid="referral-signup-name"
          />
          <TextInput
            label={t('referrals.public.email')}
            type="email"
            required
            autoComplete="email"
            value={values.email}
            onChange={(event) => {
              const email = event.currentTarget.value;
              setValues((v) => ({ ...v, email }));
            }}
            error={missing(values.email) ?? serverField('email')}
            data-testid="referral-signup-email"
          />
          <TextInput
            label={t('referrals.public.company')}
            required
            autoComplete="organization"
            value={values.company}
            onChange={(event) => {
              const company = event.currentTarget.value;
              setValues((v) => ({ ...v, company }));
            }}
            error={missing(values.company) ?? serverField('company')}
            data-testid="referral-signup-company"
          />
          <Button type="submit" loading={busy} data-testid="referral-signup-submit">
            {t('referrals.public.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}

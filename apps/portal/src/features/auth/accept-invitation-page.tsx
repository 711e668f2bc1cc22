import { useMutation } from '@apollo/client/react';
import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { startSession } from '../../app/auth/session';
import { useErrorMessage } from '../../app/errors/use-error-message';
import { useFieldErrors } from '../../app/errors/use-field-errors';
import { AuthCard } from './auth-card';
import { AcceptInvitationDocument } from './auth.documents';

const MIN_PASSWORD_LENGTH = 10;

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);
  const [accept, { loading, error, client }] = useMutation(AcceptInvitationDocument);
  const { parsed, field } = useFieldErrors(error);
  const { summary } = useErrorMessage();

  const nameMissing = touched && name.trim() === '' ? t('invite.nameRequired') : undefined;
  const passwordTooShort =
    touched && password.length < MIN_PASSWORD_LENGTH ? t('invite.passwordTooShort', { count: MIN_PASSWORD_LENGTH }) : undefined;

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTouched(true);
    if (name.trim() === '' || password.length < MIN_PASSWORD_LENGTH) return;
    try {
      const { data } = await accept({ variables: { input: { token, name: name.trim(), password } } });
      if (data) {
        startSession(client, data.acceptInvitation);
        void navigate('/', { replace: true });
      }
    } catch {
      // Shown through the hook's `error`.
    }
  };

  const nameError = nameMissing ?? field('name');
  const passwordError = passwordTooShort ?? field('password');
  const showSummary = parsed && !field('name') && !field('password');
  return (
    <AuthCard title={t('invite.title')} intro={t('invite.intro')}>
      <form onSubmit={(event) => void handleSubmit(event)} noValidate>
        <Stack gap="md">
          {showSummary ? (
            <Alert color="red" role="alert">
              {parsed.code === 'NOT_FOUND' || parsed.code === 'BAD_USER_INPUT' ? t('invite.invalidLink') : summary(parsed)}
            </Alert>
          ) : null}
          <TextInput
            label={t('invite.name')}
            autoComplete="name"
            required
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={nameError}
          />
          <PasswordInput
            label={t('invite.password')}
            description={t('invite.passwordHint', { count: MIN_PASSWORD_LENGTH })}
            autoComplete="new-password"
            required
            minLength={MIN_PASSWORD_LENGTH}
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={passwordError}
            visibilityToggleButtonProps={{ 'aria-label': t('login.togglePassword') }}
          />
          <Button type="submit" loading={loading} fullWidth>
            {t('invite.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}

import { useMutation } from '@apollo/client/react';
import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useAuthStatus } from '../../app/auth/auth-context';
import { FullPageLoader } from '../../app/auth/require-auth';
import { startSession } from '../../app/auth/session';
import { useErrorMessage } from '../../app/errors/use-error-message';
import { useFieldErrors } from '../../app/errors/use-field-errors';
import { AuthCard } from './auth-card';
import { LoginDocument } from './auth.documents';

const returnPath = (state: unknown): string => {
  if (typeof state === 'object' && state !== null && 'from' in state && typeof state.from === 'string' && state.from.startsWith('/')) {
    return state.from;
  }
  return '/';
};

export function LoginPage() {
  const { t } = useTranslation();
  const status = useAuthStatus();
  const location = useLocation();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [login, { loading, error, client }] = useMutation(LoginDocument);
  const { parsed, field } = useFieldErrors(error);
  const { summary } = useErrorMessage();

  if (status === 'restoring') return <FullPageLoader />;
  if (status === 'signed-in' && !loading) return <Navigate to={returnPath(location.state)} replace />;

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    try {
      const { data } = await login({ variables: { input: { email: email.trim(), password } } });
      if (data) {
        startSession(client, data.login);
        void navigate(returnPath(location.state), { replace: true });
      }
    } catch {
      // The hook's `error` shows what went wrong.
    }
  };

  const emailError = field('email');
  const passwordError = field('password');
  return (
    <AuthCard title={t('login.title')} intro={t('login.intro')}>
      <form onSubmit={(event) => void handleSubmit(event)} noValidate>
        <Stack gap="md">
          {parsed && !emailError && !passwordError ? (
            <Alert color="red" role="alert" data-testid="login-error">
              {summary(parsed)}
            </Alert>
          ) : null}
          <TextInput
            data-testid="login-email"
            label={t('login.email')}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={emailError}
          />
          <PasswordInput
            data-testid="login-password"
            label={t('login.password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={passwordError}
            visibilityToggleButtonProps={{ 'aria-label': t('login.togglePassword') }}
          />
          <Button type="submit" data-testid="login-submit" loading={loading} fullWidth>
            {t('login.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}

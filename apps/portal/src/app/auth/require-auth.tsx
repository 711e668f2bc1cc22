import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useAuthStatus } from './auth-context';
import { useCurrentUser } from './use-current-user';

export function FullPageLoader() {
  const { t } = useTranslation();
  return (
    <Center h="100vh">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

/** Routes below need a session; without one the user goes to the login page and comes back after. */
export function RequireAuth() {
  const status = useAuthStatus();
  const user = useCurrentUser();
  const location = useLocation();
  if (status === 'restoring') return <FullPageLoader />;
  if (status === 'signed-out') {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  if (!user) return <FullPageLoader />;
  return <Outlet />;
}

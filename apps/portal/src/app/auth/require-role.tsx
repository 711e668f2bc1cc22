import type { ReactNode } from 'react';
import type { Role } from '../../gql/graphql';
import { ForbiddenPage } from '../routing/forbidden-page';
import { hasRole } from './roles';
import { useCurrentUser } from './use-current-user';

export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const user = useCurrentUser();
  return hasRole(user?.role, roles) ? children : <ForbiddenPage />;
}

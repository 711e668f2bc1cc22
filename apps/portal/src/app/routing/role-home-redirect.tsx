import { Navigate } from 'react-router-dom';
import { isPartnerRole } from '../auth/roles';
import { useCurrentUser } from '../auth/use-current-user';

/** `/` sends partner users to their home page and vendor staff to the partner directory. */
export function RoleHomeRedirect() {
  const user = useCurrentUser();
  if (!user) return null;
  return <Navigate to={isPartnerRole(user.role) ? '/home' : '/partners'} replace />;
}

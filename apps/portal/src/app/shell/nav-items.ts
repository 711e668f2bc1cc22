import type { Role } from '../../gql/graphql';
import { ALL_ROLES, PARTNER_ROLES, USER_ADMIN_ROLES, VENDOR_ROLES } from '../auth/roles';

export interface NavItem {
  to: string;
  labelKey: 'home' | 'partners' | 'tierChanges' | 'programs' | 'users' | 'audit';
  roles: readonly Role[];
}

/** Kept in step with the route guards in router.tsx. */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/home', labelKey: 'home', roles: PARTNER_ROLES },
  { to: '/partners', labelKey: 'partners', roles: VENDOR_ROLES },
  { to: '/tier-changes', labelKey: 'tierChanges', roles: VENDOR_ROLES },
  { to: '/programs', labelKey: 'programs', roles: ALL_ROLES },
  { to: '/users', labelKey: 'users', roles: USER_ADMIN_ROLES },
  { to: '/audit', labelKey: 'audit', roles: ['VENDOR_ADMIN'] },
];

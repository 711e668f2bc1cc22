import type { Role } from '../../gql/graphql';

export const VENDOR_ROLES: readonly Role[] = ['VENDOR_ADMIN', 'CHANNEL_MANAGER', 'ANALYST'];
export const PARTNER_ROLES: readonly Role[] = ['PARTNER_ADMIN', 'PARTNER_REP'];
export const ALL_ROLES: readonly Role[] = [...VENDOR_ROLES, ...PARTNER_ROLES];
/** May edit partners, override tiers and decide on tier changes. */
export const MANAGER_ROLES: readonly Role[] = ['VENDOR_ADMIN', 'CHANNEL_MANAGER'];
/** May invite and deactivate users and manage API keys. */
export const USER_ADMIN_ROLES: readonly Role[] = ['VENDOR_ADMIN', 'PARTNER_ADMIN'];
/** Referral links and sign-ups: a partner admin its own, vendor staff every partner's. */
export const REFERRAL_ROLES: readonly Role[] = ['PARTNER_ADMIN', ...VENDOR_ROLES];

export const isVendorRole = (role: Role): boolean => VENDOR_ROLES.includes(role);
export const isPartnerRole = (role: Role): boolean => PARTNER_ROLES.includes(role);
export const hasRole = (role: Role | undefined, allowed: readonly Role[]): boolean => role !== undefined && allowed.includes(role);

/** Roles a user may hand out in an organisation of the given kind (mirrors the API's rule). */
export function grantableRoles(actor: Role, targetKind: 'VENDOR' | 'PARTNER'): Role[] {
  if (actor === 'VENDOR_ADMIN') return targetKind === 'VENDOR' ? [...VENDOR_ROLES] : [...PARTNER_ROLES];
  if (actor === 'PARTNER_ADMIN' && targetKind === 'PARTNER') return [...PARTNER_ROLES];
  return [];
}

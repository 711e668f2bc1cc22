import { registerEnumType } from '@nestjs/graphql';

export enum Role {
  VENDOR_ADMIN = 'VENDOR_ADMIN',
  CHANNEL_MANAGER = 'CHANNEL_MANAGER',
  ANALYST = 'ANALYST',
  PARTNER_ADMIN = 'PARTNER_ADMIN',
  PARTNER_REP = 'PARTNER_REP',
}
registerEnumType(Role, { name: 'Role' });

export const VENDOR_ROLES: readonly Role[] = [Role.VENDOR_ADMIN, Role.CHANNEL_MANAGER, Role.ANALYST];
export const PARTNER_ROLES: readonly Role[] = [Role.PARTNER_ADMIN, Role.PARTNER_REP];
export const ALL_ROLES: readonly Role[] = [...VENDOR_ROLES, ...PARTNER_ROLES];

export const isVendorRole = (role: Role): boolean => VENDOR_ROLES.includes(role);
export const isPartnerRole = (role: Role): boolean => PARTNER_ROLES.includes(role);

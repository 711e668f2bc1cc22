import type { Role } from '../../gql/graphql';
import { ALL_ROLES, PARTNER_ROLES, REFERRAL_ROLES, USER_ADMIN_ROLES, VENDOR_ROLES } from '../auth/roles';

export interface NavItem {
  to: string;
  labelKey:
    | 'home'
    | 'registerDeal'
    | 'myDeals'
    | 'partners'
    | 'tierChanges'
    | 'dealReviews'
    | 'deals'
    | 'leads'
    | 'houseAccounts'
    | 'dealMetrics'
    | 'revenue'
    | 'mdfFunds'
    | 'mdfReviews'
    | 'mdfFinance'
    | 'mdfFundAdmin'
    | 'mdfReport'
    | 'myRewards'
    | 'incentives'
    | 'referrals'
    | 'activities'
    | 'activityReviews'
    | 'certifications'
    | 'training'
    | 'programs'
    | 'users'
    | 'audit';
  roles: readonly Role[];
}

/** Kept in step with the route guards in router.tsx. */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/home', labelKey: 'home', roles: PARTNER_ROLES },
  { to: '/deals/new', labelKey: 'registerDeal', roles: PARTNER_ROLES },
  { to: '/deals', labelKey: 'myDeals', roles: PARTNER_ROLES },
  { to: '/partners', labelKey: 'partners', roles: VENDOR_ROLES },
  { to: '/tier-changes', labelKey: 'tierChanges', roles: VENDOR_ROLES },
  { to: '/deal-reviews', labelKey: 'dealReviews', roles: VENDOR_ROLES },
  { to: '/deals', labelKey: 'deals', roles: VENDOR_ROLES },
  { to: '/leads', labelKey: 'leads', roles: ALL_ROLES },
  { to: '/house-accounts', labelKey: 'houseAccounts', roles: VENDOR_ROLES },
  { to: '/deal-metrics', labelKey: 'dealMetrics', roles: ALL_ROLES },
  { to: '/revenue', labelKey: 'revenue', roles: VENDOR_ROLES },
  { to: '/mdf', labelKey: 'mdfFunds', roles: PARTNER_ROLES },
  { to: '/mdf-reviews', labelKey: 'mdfReviews', roles: VENDOR_ROLES },
  { to: '/mdf-finance', labelKey: 'mdfFinance', roles: VENDOR_ROLES },
  { to: '/mdf-funds', labelKey: 'mdfFundAdmin', roles: VENDOR_ROLES },
  { to: '/mdf-report', labelKey: 'mdfReport', roles: VENDOR_ROLES },
  { to: '/rewards', labelKey: 'myRewards', roles: PARTNER_ROLES },
  { to: '/incentives', labelKey: 'incentives', roles: VENDOR_ROLES },
  { to: '/referrals', labelKey: 'referrals', roles: REFERRAL_ROLES },
  { to: '/activities', labelKey: 'activities', roles: PARTNER_ROLES },
  { to: '/certifications', labelKey: 'certifications', roles: PARTNER_ROLES },
  { to: '/activity-reviews', labelKey: 'activityReviews', roles: VENDOR_ROLES },
  { to: '/training', labelKey: 'training', roles: VENDOR_ROLES },
  { to: '/programs', labelKey: 'programs', roles: ALL_ROLES },
  { to: '/users', labelKey: 'users', roles: USER_ADMIN_ROLES },
  { to: '/audit', labelKey: 'audit', roles: ['VENDOR_ADMIN'] },
];

/** The item for the current page: the longest path that matches, so /deals/new is not also "My deals". */
export function activeNavItem(items: readonly NavItem[], pathname: string): NavItem | undefined {
  return items
    .filter((item) => pathname === item.to || pathname.startsWith(`${item.to}/`))
    .sort((a, b) => b.to.length - a.to.length)[0];
}

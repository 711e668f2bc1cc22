import { lazy } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { RequireAuth } from '../auth/require-auth';
import { RequireRole } from '../auth/require-role';
import { ALL_ROLES, PARTNER_ROLES, REFERRAL_ROLES, USER_ADMIN_ROLES, VENDOR_ROLES } from '../auth/roles';
import { AppLayout } from '../shell/app-layout';
import { NotFoundPage } from './not-found-page';
import { RoleHomeRedirect } from './role-home-redirect';
import { LoginPage } from '../../features/auth/login-page';
import { AcceptInvitationPage } from '../../features/auth/accept-invitation-page';
import { ReferralSignupPage } from '../../features/referrals/referral-signup-page';

// Pages load on demand so the login page stays small.
const PartnerHomePage = lazy(() => import('../../features/partner-home/partner-home-page'));
const PartnerListPage = lazy(() => import('../../features/partners/partner-list-page'));
const PartnerDetailPage = lazy(() => import('../../features/partner-detail/partner-detail-page'));
const TierChangesPage = lazy(() => import('../../features/tier-changes/tier-changes-page'));
const ProgramsPage = lazy(() => import('../../features/programs/programs-page'));
const UsersPage = lazy(() => import('../../features/users/users-page'));
const AuditLogPage = lazy(() => import('../../features/audit/audit-log-page'));
const DealListPage = lazy(() => import('../../features/deals/deal-list-page'));
const DealFormPage = lazy(() => import('../../features/deals/deal-form-page'));
const DealDetailPage = lazy(() => import('../../features/deals/deal-detail-page'));
const ReviewQueuePage = lazy(() => import('../../features/deal-reviews/review-queue-page'));
const HouseAccountsPage = lazy(() => import('../../features/house-accounts/house-accounts-page'));
const LeadsPage = lazy(() => import('../../features/leads/leads-page'));
const DealMetricsPage = lazy(() => import('../../features/deal-metrics/deal-metrics-page'));
const RevenuePage = lazy(() => import('../../features/revenue/revenue-page'));
const PartnerRevenuePage = lazy(() => import('../../features/revenue/partner-revenue-page'));
const RevenueCustomerPage = lazy(() => import('../../features/revenue/revenue-customer-page'));
const MyMdfFundsPage = lazy(() => import('../../features/mdf/my-funds-page'));
const MdfRequestFormPage = lazy(() => import('../../features/mdf/request-form-page'));
const MdfRequestDetailPage = lazy(() => import('../../features/mdf/request-detail-page'));
const MdfNewClaimPage = lazy(() => import('../../features/mdf/claim-form-page').then((m) => ({ default: m.NewClaimPage })));
const MdfResubmitClaimPage = lazy(() => import('../../features/mdf/claim-form-page').then((m) => ({ default: m.ResubmitClaimPage })));
const MdfReviewsPage = lazy(() => import('../../features/mdf-reviews/mdf-reviews-page'));
const MdfFinancePage = lazy(() => import('../../features/mdf-finance/mdf-finance-page'));
const MdfFundsPage = lazy(() => import('../../features/mdf-funds/mdf-funds-page'));
const MdfReportPage = lazy(() => import('../../features/mdf-report/mdf-report-page'));
const MyRewardsPage = lazy(() => import('../../features/incentives/my-rewards-page'));
const StatementDetailPage = lazy(() => import('../../features/incentives/statement-detail-page'));
const IncentivesAdminPage = lazy(() => import('../../features/incentives/incentives-admin-page'));
const PlanFormPage = lazy(() => import('../../features/incentives/plan-form-page'));
const ReferralsPage = lazy(() => import('../../features/referrals/referrals-page'));
const MyActivitiesPage = lazy(() => import('../../features/activities/my-activities-page'));
const ActivityReviewsPage = lazy(() => import('../../features/activities/activity-reviews-page'));
const MyCertificationsPage = lazy(() => import('../../features/training/my-certifications-page'));
const TrainingAdminPage = lazy(() => import('../../features/training/training-admin-page'));
const CompletionImportPage = lazy(() => import('../../features/training/completion-import-page'));
const IncentiveMeasurementPage = lazy(() => import('../../features/incentives/measurement-page'));

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/invite/:token', element: <AcceptInvitationPage /> },
  // A partner's referral link: the public sign-up form, no login.
  { path: '/r/:code', element: <ReferralSignupPage /> },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <RoleHomeRedirect /> },
          { path: 'home', element: <RequireRole roles={PARTNER_ROLES}><PartnerHomePage /></RequireRole> },
          { path: 'partners', element: <RequireRole roles={VENDOR_ROLES}><PartnerListPage /></RequireRole> },
          { path: 'partners/:id', element: <RequireRole roles={VENDOR_ROLES}><PartnerDetailPage /></RequireRole> },
          { path: 'tier-changes', element: <RequireRole roles={VENDOR_ROLES}><TierChangesPage /></RequireRole> },
          { path: 'deals', element: <RequireRole roles={ALL_ROLES}><DealListPage /></RequireRole> },
          { path: 'deals/new', element: <RequireRole roles={PARTNER_ROLES}><DealFormPage /></RequireRole> },
          { path: 'deals/:id', element: <RequireRole roles={ALL_ROLES}><DealDetailPage /></RequireRole> },
          { path: 'deals/:id/edit', element: <RequireRole roles={PARTNER_ROLES}><DealFormPage /></RequireRole> },
          { path: 'deal-reviews', element: <RequireRole roles={VENDOR_ROLES}><ReviewQueuePage /></RequireRole> },
          { path: 'house-accounts', element: <RequireRole roles={VENDOR_ROLES}><HouseAccountsPage /></RequireRole> },
          { path: 'leads', element: <RequireRole roles={ALL_ROLES}><LeadsPage /></RequireRole> },
          { path: 'deal-metrics', element: <RequireRole roles={ALL_ROLES}><DealMetricsPage /></RequireRole> },
          { path: 'revenue', element: <RequireRole roles={VENDOR_ROLES}><RevenuePage /></RequireRole> },
          { path: 'revenue/partners/:id', element: <RequireRole roles={VENDOR_ROLES}><PartnerRevenuePage /></RequireRole> },
          // Partners open their own customers from the movements on their home page.
          { path: 'revenue/customers/:id', element: <RequireRole roles={ALL_ROLES}><RevenueCustomerPage /></RequireRole> },
          // Market development funds: partners request and claim; vendor staff decide, pay, allocate and report.
          { path: 'mdf', element: <RequireRole roles={PARTNER_ROLES}><MyMdfFundsPage /></RequireRole> },
          { path: 'mdf/requests/new', element: <RequireRole roles={PARTNER_ROLES}><MdfRequestFormPage /></RequireRole> },
          { path: 'mdf/requests/:id', element: <RequireRole roles={ALL_ROLES}><MdfRequestDetailPage /></RequireRole> },
          { path: 'mdf/requests/:id/claim', element: <RequireRole roles={PARTNER_ROLES}><MdfNewClaimPage /></RequireRole> },
          { path: 'mdf/claims/:id/resubmit', element: <RequireRole roles={PARTNER_ROLES}><MdfResubmitClaimPage /></RequireRole> },
          { path: 'mdf-reviews', element: <RequireRole roles={VENDOR_ROLES}><MdfReviewsPage /></RequireRole> },
          { path: 'mdf-finance', element: <RequireRole roles={VENDOR_ROLES}><MdfFinancePage /></RequireRole> },
          { path: 'mdf-funds', element: <RequireRole roles={VENDOR_ROLES}><MdfFundsPage /></RequireRole> },
          { path: 'mdf-report', element: <RequireRole roles={VENDOR_ROLES}><MdfReportPage /></RequireRole> },
          // Incentives: partners see their rewards; vendor staff run plans, statements and the catalogue.
          { path: 'rewards', element: <RequireRole roles={PARTNER_ROLES}><MyRewardsPage /></RequireRole> },
          { path: 'rewards/statements/:id', element: <RequireRole roles={ALL_ROLES}><StatementDetailPage /></RequireRole> },
          { path: 'incentives', element: <RequireRole roles={VENDOR_ROLES}><IncentivesAdminPage /></RequireRole> },
          { path: 'incentives/measurement', element: <RequireRole roles={VENDOR_ROLES}><IncentiveMeasurementPage /></RequireRole> },
          { path: 'incentives/plans/new', element: <RequireRole roles={['VENDOR_ADMIN']}><PlanFormPage /></RequireRole> },
          { path: 'incentives/plans/:id/version', element: <RequireRole roles={['VENDOR_ADMIN']}><PlanFormPage /></RequireRole> },
          // Activities and training: partners log activities and completions; vendor staff approve, keep the catalogues and import.
          { path: 'activities', element: <RequireRole roles={PARTNER_ROLES}><MyActivitiesPage /></RequireRole> },
          { path: 'activity-reviews', element: <RequireRole roles={VENDOR_ROLES}><ActivityReviewsPage /></RequireRole> },
          { path: 'certifications', element: <RequireRole roles={PARTNER_ROLES}><MyCertificationsPage /></RequireRole> },
          { path: 'training', element: <RequireRole roles={VENDOR_ROLES}><TrainingAdminPage /></RequireRole> },
          { path: 'training/import', element: <RequireRole roles={['VENDOR_ADMIN']}><CompletionImportPage /></RequireRole> },
          { path: 'referrals', element: <RequireRole roles={REFERRAL_ROLES}><ReferralsPage /></RequireRole> },
          { path: 'programs', element: <RequireRole roles={ALL_ROLES}><ProgramsPage /></RequireRole> },
          { path: 'users', element: <RequireRole roles={USER_ADMIN_ROLES}><UsersPage /></RequireRole> },
          { path: 'audit', element: <RequireRole roles={['VENDOR_ADMIN']}><AuditLogPage /></RequireRole> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

import { lazy } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { RequireAuth } from '../auth/require-auth';
import { RequireRole } from '../auth/require-role';
import { ALL_ROLES, PARTNER_ROLES, USER_ADMIN_ROLES, VENDOR_ROLES } from '../auth/roles';
import { AppLayout } from '../shell/app-layout';
import { NotFoundPage } from './not-found-page';
import { RoleHomeRedirect } from './role-home-redirect';
import { LoginPage } from '../../features/auth/login-page';
import { AcceptInvitationPage } from '../../features/auth/accept-invitation-page';

// Pages load on demand so the login page stays small.
const PartnerHomePage = lazy(() => import('../../features/partner-home/partner-home-page'));
const PartnerListPage = lazy(() => import('../../features/partners/partner-list-page'));
const PartnerDetailPage = lazy(() => import('../../features/partner-detail/partner-detail-page'));
const TierChangesPage = lazy(() => import('../../features/tier-changes/tier-changes-page'));
const ProgramsPage = lazy(() => import('../../features/programs/programs-page'));
const UsersPage = lazy(() => import('../../features/users/users-page'));
const AuditLogPage = lazy(() => import('../../features/audit/audit-log-page'));

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/invite/:token', element: <AcceptInvitationPage /> },
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
          { path: 'programs', element: <RequireRole roles={ALL_ROLES}><ProgramsPage /></RequireRole> },
          { path: 'users', element: <RequireRole roles={USER_ADMIN_ROLES}><UsersPage /></RequireRole> },
          { path: 'audit', element: <RequireRole roles={['VENDOR_ADMIN']}><AuditLogPage /></RequireRole> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

import { Flex, Spin } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useCurrentUser } from './api/current-user.tsx';
import type { Ability } from './api/types.ts';
import { AppLayout } from './components/app-layout.tsx';
import { FullLoad } from './components/full-load.tsx';

// Pages load on demand: a grid worker on a phone does not download the audit viewer or echarts. The
// sign-in and home pages too: a cold load straight into the inbox needs neither (nor their form and list).
const LoginPage = lazy(() => import('./features/auth/login-page.tsx').then((m) => ({ default: m.LoginPage })));
const HomePage = lazy(() => import('./features/home-page.tsx').then((m) => ({ default: m.HomePage })));
const StatusResult = lazy(() => import('./components/status-result.tsx'));
const TerritoryPage = lazy(() => import('./features/territory/territory-page.tsx'));
const CompoundPage = lazy(() => import('./features/territory/compound-page.tsx'));
const ImportPage = lazy(() => import('./features/territory/import-page.tsx'));
const ResidentsPage = lazy(() => import('./features/people/residents-page.tsx'));
const PartyPage = lazy(() => import('./features/party/party-page.tsx'));
const GridsPage = lazy(() => import('./features/grids/grids-page.tsx'));
const OrganisationsPage = lazy(() => import('./features/organisations/organisations-page.tsx'));
const AccountsPage = lazy(() => import('./features/accounts/accounts-page.tsx'));
const AuditPage = lazy(() => import('./features/audit/audit-page.tsx'));
const DemandInboxPage = lazy(() => import('./pages/demands/demand-inbox-page.tsx'));
const DemandDetailPage = lazy(() => import('./pages/demands/demand-detail-page.tsx'));
const DemandDashboardPage = lazy(() => import('./pages/demands/demand-dashboard-page.tsx'));
const WorkingCalendarPage = lazy(() => import('./pages/calendar/working-calendar-page.tsx'));
const DemandImportPage = lazy(() => import('./pages/demand-import/demand-import-page.tsx'));
const HotspotsPage = lazy(() => import('./pages/demand-smart/hotspots-page.tsx'));
const DemandSettingsPage = lazy(() => import('./pages/demand-settings/demand-settings-page.tsx'));
const Open311ClientsPage = lazy(() => import('./pages/open311-clients/open311-clients-page.tsx'));

function Loading() {
  return (
    <Flex justify="center" style={{ padding: 48 }}>
      <Spin />
    </Flex>
  );
}

/** Signed-in users only; an expired password goes back to the login page's change-password form. */
function RequireAuth({ children }: { children: ReactNode }) {
  const { me } = useCurrentUser();
  const location = useLocation();
  if (me === undefined) return <Loading />;
  if (me === null || me.passwordExpired) {
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }
  return <>{children}</>;
}

/** `ability` may be a list: any one of them opens the page (property staff handle demands without reading the inbox scope). */
function RequireAbility({ ability, page }: { ability: Ability | Ability[]; page: ReactNode }) {
  const { can } = useCurrentUser();
  const { t } = useTranslation();
  if (!(Array.isArray(ability) ? ability : [ability]).some(can))
    return (
      <Suspense fallback={<Loading />}>
        <StatusResult status="403" subTitle={t('common.noPermission')} />
      </Suspense>
    );
  return <Suspense fallback={<Loading />}>{page}</Suspense>;
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<Loading />}>
      <StatusResult status="404" subTitle={t('errors.pageNotFound')} />
    </Suspense>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route
        path="/login"
        element={
          <Suspense fallback={<Loading />}>
            <LoginPage />
          </Suspense>
        }
      />
      {/* The resident pages and the public notice board (公示栏, no sign-in) are the light entry m.html
          (antd-mobile only): the server sends it for these addresses, so the staff app loads them from
          the server instead of carrying antd-mobile itself. */}
      <Route path="/m/*" element={<FullLoad fallback={<NotFound />} />} />
      <Route path="/board/*" element={<FullLoad fallback={<NotFound />} />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route
          index
          element={
            <Suspense fallback={<Loading />}>
              <HomePage />
            </Suspense>
          }
        />
        <Route path="territory" element={<RequireAbility ability="territory.read" page={<TerritoryPage />} />} />
        <Route path="territory/:nodeId" element={<RequireAbility ability="territory.read" page={<TerritoryPage />} />} />
        <Route path="compounds/:id" element={<RequireAbility ability="territory.read" page={<CompoundPage />} />} />
        <Route path="import" element={<RequireAbility ability="territory.import" page={<ImportPage />} />} />
        <Route path="residents" element={<RequireAbility ability="people.read" page={<ResidentsPage />} />} />
        <Route path="party" element={<RequireAbility ability="party.read" page={<PartyPage />} />} />
        <Route path="grids" element={<RequireAbility ability="grid.read" page={<GridsPage />} />} />
        <Route path="organisations" element={<RequireAbility ability="organisation.read" page={<OrganisationsPage />} />} />
        <Route path="accounts" element={<RequireAbility ability="account.read" page={<AccountsPage />} />} />
        <Route path="audit" element={<RequireAbility ability="audit.read" page={<AuditPage />} />} />
        <Route path="demands" element={<RequireAbility ability={['demand.read', 'demand.handle']} page={<DemandInboxPage />} />} />
        <Route path="demands/dashboard" element={<RequireAbility ability="demand.read" page={<DemandDashboardPage />} />} />
        <Route path="demands/hotspots" element={<RequireAbility ability="demand.read" page={<HotspotsPage />} />} />
        <Route
          path="demands/settings/categories"
          element={<RequireAbility ability={['demand.configure', 'demand.read']} page={<DemandSettingsPage />} />}
        />
        <Route path="demands/:id" element={<RequireAbility ability={['demand.read', 'demand.handle']} page={<DemandDetailPage />} />} />
        <Route
          path="demand-calendar"
          element={<RequireAbility ability={['demand.configure', 'demand.read']} page={<WorkingCalendarPage />} />}
        />
        <Route path="demand-import" element={<RequireAbility ability={['demand.intake', 'demand.read']} page={<DemandImportPage />} />} />
        <Route path="open311-clients" element={<RequireAbility ability="demand.configure" page={<Open311ClientsPage />} />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

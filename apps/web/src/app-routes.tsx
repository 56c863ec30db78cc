import type { AbilityRule } from '@linli/web-kit';
import { useCurrentUser } from '@linli/web-kit/current-user';
import { Flex, Spin } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { AppLayout } from './components/app-layout.tsx';
import { FullLoad } from './components/full-load.tsx';
import { webModules } from './modules.ts';

// Pages load on demand: a grid worker on a phone does not download the audit viewer or echarts. The
// sign-in and home pages too: a cold load straight into the inbox needs neither (nor their form and list).
const LoginPage = lazy(() => import('./features/auth/login-page.tsx').then((m) => ({ default: m.LoginPage })));
const HomePage = lazy(() => import('./features/home-page.tsx').then((m) => ({ default: m.HomePage })));
const StatusResult = lazy(() => import('./components/status-result.tsx'));

/** Every module's staff pages (apps/web/src/modules.ts). */
const staffRoutes = webModules.flatMap((m) => m.routes ?? []);

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
function RequireAbility({ ability, page }: { ability?: AbilityRule; page: ReactNode }) {
  const { can } = useCurrentUser();
  const { t } = useTranslation();
  if (ability && !(typeof ability === 'string' ? [ability] : ability).some(can))
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
        {staffRoutes.map(({ path, page: Page, ability }) => (
          <Route key={path} path={path} element={<RequireAbility ability={ability} page={<Page />} />} />
        ))}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

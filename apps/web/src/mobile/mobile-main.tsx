import { ConfigProvider, DotLoading, ErrorBlock } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { CurrentUserProvider, useCurrentUser } from '@linli/web-kit/current-user';
import { lazy, type ReactNode, StrictMode, Suspense, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import '../i18n/index.ts';
import '../global.css';
import { FullLoad } from '../components/full-load.tsx';
import { MobileLogin } from './mobile-login.tsx';
import { mobileModules } from './mobile-modules.ts';
import './mobile.css';

// The resident pages' own entry (m.html): antd-mobile only — no antd, no echarts. The server sends it
// for /m/…, the public notice board and /login?next=/m…; every other address belongs to the staff app
// (index.html) and is loaded from the server (FullLoad).
const MobileApp = lazy(() => import('./mobile-app.tsx'));

/** Pages without sign-in (the community's public notice board), from the module list. */
const publicRoutes = mobileModules.flatMap((m) => m.publicRoutes ?? []);

function Loading() {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: 48, color: 'var(--adm-color-primary)', fontSize: 24 }}>
      <DotLoading color="currentColor" />
    </div>
  );
}

/** Signed-in users only: others (and an expired password) go to the resident login page first. */
function RequireAuth({ children }: { children: ReactNode }) {
  const { me } = useCurrentUser();
  const location = useLocation();
  if (me === undefined) return <Loading />;
  if (me === null || me.passwordExpired) {
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }
  return <>{children}</>;
}

function Root() {
  const { i18n } = useTranslation();
  const zh = i18n.language !== 'en-US';
  useEffect(() => {
    dayjs.locale(zh ? 'zh-cn' : 'en');
    document.documentElement.lang = zh ? 'zh-CN' : 'en-US';
  }, [zh]);
  return (
    <ConfigProvider locale={zh ? zhCN : enUS}>
      <BrowserRouter>
        <CurrentUserProvider>
          <Suspense fallback={<Loading />}>
            <Routes>
              <Route path="/login" element={<MobileLogin />} />
              {publicRoutes.map(({ path, page: Page }) => (
                <Route key={path} path={path} element={<Page />} />
              ))}
              <Route
                path="/m/*"
                element={
                  <RequireAuth>
                    <MobileApp />
                  </RequireAuth>
                }
              />
              <Route path="*" element={<FullLoad fallback={<ErrorBlock status="empty" fullPage />} />} />
            </Routes>
          </Suspense>
        </CurrentUserProvider>
      </BrowserRouter>
    </ConfigProvider>
  );
}

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  );
}

import { HomeOutlined, UserOutlined } from '@ant-design/icons';
import { useCurrentUser, usesStaffApp } from '@linli/web-kit/current-user';
import { roleLabel } from '@linli/web-kit/labels';
import { Button, DotLoading, List, NavBar, TabBar } from 'antd-mobile';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { mobileModules } from './mobile-modules.ts';

// Every module's resident pages (modules/<name>/web/mobile.ts of the modules in apps/web/src/modules.ts); they load when opened: the home page of a
// resident's phone downloads the navigation and its own list only (the submission form with its
// uploader, the timeline, … come later).
const mobileRoutes = mobileModules.flatMap((m) => m.routes ?? []);
const tabRoutes = mobileRoutes.filter((r) => r.tab);
const entryRoutes = mobileRoutes.filter((r) => r.entry);
const homeBlocks = mobileModules.flatMap((m, i) => (m.home ? [{ key: i, Block: m.home }] : []));

/** The numbers on the module tabs (unread messages): the list of tabs is fixed, so are the hooks called. */
function useTabBadges(): (number | undefined)[] {
  // biome-ignore lint/correctness/useHookAtTopLevel: one call per tab, and the tabs never change
  return tabRoutes.map((r) => r.tab?.useBadge?.() || undefined);
}

function MobileHome() {
  const { t } = useTranslation();
  const { me } = useCurrentUser();
  const navigate = useNavigate();
  // The household, its full address and what goes on there are the home blocks of the modules
  // (workbench first: address, open demands, the board).
  return (
    <div data-testid="mobile-home">
      <div style={{ padding: '16px 16px 4px' }}>
        <div style={{ fontSize: 18, fontWeight: 600 }}>{t('mobile.welcome')}</div>
        <div style={{ color: 'var(--adm-color-weak)' }}>{me?.user.tenantName}</div>
      </div>
      {homeBlocks.map(({ key, Block }) => (
        <Block key={key} />
      ))}
      {entryRoutes.length > 0 && (
        <List header={t('mobile.participate')} data-testid="mobile-entries">
          {entryRoutes.map((r) => (
            <List.Item key={r.path} prefix={r.entry?.icon} onClick={() => navigate(`/m/${r.path}`)} data-testid={`mobile-entry-${r.path}`}>
              {(t as unknown as (key: string) => string)(r.entry?.title ?? '')}
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}

function MobileProfile() {
  const { t } = useTranslation();
  const { me, logout } = useCurrentUser();
  const navigate = useNavigate();
  if (!me) return null;
  return (
    <div data-testid="mobile-profile">
      <List header={t('mobile.profile')}>
        {/* The resident's own data: shown as it is (people see their own data unmasked). */}
        <List.Item extra={me.user.displayName} data-testid="mobile-profile-name">
          {t('accounts.displayName')}
        </List.Item>
        <List.Item extra={me.user.username}>{t('mobile.account')}</List.Item>
        <List.Item extra={me.user.tenantName}>{t('mobile.tenant')}</List.Item>
        {me.grants.map((g) => (
          <List.Item key={g.id} extra={g.nodeName}>
            {roleLabel(g.role)}
          </List.Item>
        ))}
      </List>
      <div style={{ padding: 16, display: 'grid', gap: 12 }}>
        {usesStaffApp(me) && (
          // The admin app is the other entry (index.html, antd): loaded from the server.
          <Button block onClick={() => window.location.assign('/')}>
            {t('mobile.adminEntry')}
          </Button>
        )}
        <Button
          block
          color="danger"
          onClick={async () => {
            await logout();
            navigate('/login?next=/m', { replace: true });
          }}
        >
          {t('auth.logout')}
        </Button>
      </div>
    </div>
  );
}

/** Resident pages (antd-mobile) under /m/: home and profile for now; later work adds its tabs here. */
export default function MobileApp() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const badges = useTabBadges();
  const tabs = [
    { key: '/m', title: t('mobile.home'), icon: <HomeOutlined />, badge: undefined as number | undefined },
    ...tabRoutes.map((r, i) => ({
      key: `/m/${r.path}`,
      title: (t as unknown as (key: string) => string)(r.tab?.title ?? ''),
      icon: r.tab?.icon,
      badge: badges[i],
    })),
    { key: '/m/profile', title: t('mobile.profile'), icon: <UserOutlined />, badge: undefined },
  ];
  const active = tabs
    .map((tab) => tab.key)
    .filter((key) => key !== '/m' && location.pathname.startsWith(key))
    .concat('/m')[0];
  // Pages below a tab or a home-page entry (a demand, the submission form, a ballot) lead back to its
  // list; an entry's own page leads back home.
  const sections = [...tabs.map((tab) => tab.key), ...entryRoutes.map((r) => `/m/${r.path}`)];
  const parent =
    sections.find((key) => key !== '/m' && location.pathname.startsWith(`${key}/`)) ??
    (entryRoutes.some((r) => location.pathname === `/m/${r.path}`) ? '/m' : null);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', minHeight: '100vh', background: '#f5f5f5' }}>
      <NavBar
        back={parent ? '' : null}
        onBack={() => parent && navigate(parent)}
        style={{ background: '#c8161d', color: '#fff' }}
        data-testid="mobile-nav"
      >
        {t('app.name')}
      </NavBar>
      <div style={{ flex: 1, overflow: 'auto' }}>
        <Suspense
          fallback={
            <div style={{ textAlign: 'center', padding: 48, color: 'var(--adm-color-primary)', fontSize: 24 }}>
              <DotLoading color="currentColor" />
            </div>
          }
        >
          <Routes>
            <Route index element={<MobileHome />} />
            <Route path="profile" element={<MobileProfile />} />
            {mobileRoutes.map(({ path, page: Page }) => (
              <Route key={path} path={path} element={<Page />} />
            ))}
          </Routes>
        </Suspense>
      </div>
      <TabBar activeKey={active} onChange={(key) => navigate(key)} style={{ background: '#fff', borderTop: '1px solid #eee' }}>
        {tabs.map((tab) => (
          <TabBar.Item
            key={tab.key}
            icon={tab.icon}
            title={tab.title}
            badge={tab.badge}
            data-testid={`mobile-tab-${tab.key.replace('/m', '') || 'home'}`}
          />
        ))}
      </TabBar>
    </div>
  );
}

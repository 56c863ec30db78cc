import { BellOutlined, HomeOutlined, MessageOutlined, NotificationOutlined, UserOutlined } from '@ant-design/icons';
import { Button, DotLoading, List, NavBar, Result, TabBar } from 'antd-mobile';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { useCurrentUser } from '../api/current-user.tsx';
import { idOfLabel } from '../api/demands.ts';
import { useUnreadCount } from '../api/notifications.ts';
import type { Grant } from '../api/types.ts';
import { kindLabel, roleLabel } from '../i18n/labels.ts';

// The tabs below the home page load when opened: the home page of a resident's phone downloads the
// navigation and its own list only (the submission form with its uploader, the timeline, … come later).
const DemandView = lazy(() => import('./demands/demand-view.tsx'));
const MyDemands = lazy(() => import('./demands/my-demands.tsx'));
const SubmitDemand = lazy(() => import('./demands/submit-demand.tsx'));
const MobileNotifications = lazy(() => import('./notifications.tsx'));

/** The community of a household grant: the third label of its ltree path (county, subdistrict, community, …). */
export function communityOf(grant: Grant): string | null {
  const labels = (grant.path ?? '').split('.').filter(Boolean);
  return labels.length >= 3 ? idOfLabel(labels[2]!) : null;
}

function MobileHome() {
  const { t } = useTranslation();
  const { me } = useCurrentUser();
  const navigate = useNavigate();
  const homes = (me?.grants ?? []).filter((g) => g.role === 'resident' || g.nodeKind === 'household');
  const community = homes.map(communityOf).find((id): id is string => id !== null);
  return (
    <div data-testid="mobile-home">
      <Result status="success" title={t('mobile.welcome')} description={me?.user.tenantName} />
      <List header={t('mobile.myHousehold')}>
        {homes.length === 0 ? (
          <List.Item>{t('mobile.noHousehold')}</List.Item>
        ) : (
          homes.map((g) => (
            <List.Item key={g.id} description={g.nodeKind ? kindLabel(g.nodeKind) : undefined} data-testid="mobile-household">
              {g.nodeName}
            </List.Item>
          ))
        )}
      </List>
      {community && me && (
        <List>
          <List.Item
            prefix={<NotificationOutlined />}
            onClick={() => navigate(`/board/${me.user.tenantId}/${community}`)}
            data-testid="mobile-board"
          >
            {t('demandSmart.board.mobileEntry')}
          </List.Item>
        </List>
      )}
      {homes.length > 0 && (
        <div style={{ padding: 16 }}>
          <Button block color="primary" size="large" onClick={() => navigate('/m/demands/new')} data-testid="mobile-report">
            {t('demands.mobile.submitEntry')}
          </Button>
        </div>
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
        {me.abilities.length > 0 && (
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
  const unread = useUnreadCount();
  const tabs = [
    { key: '/m', title: t('mobile.home'), icon: <HomeOutlined /> },
    { key: '/m/demands', title: t('demands.mobile.tab'), icon: <MessageOutlined /> },
    { key: '/m/notifications', title: t('notifications.bell.title'), icon: <BellOutlined />, badge: unread.count || undefined },
    { key: '/m/profile', title: t('mobile.profile'), icon: <UserOutlined /> },
  ];
  const active = tabs
    .map((tab) => tab.key)
    .filter((key) => key !== '/m' && location.pathname.startsWith(key))
    .concat('/m')[0];
  // Pages below a tab (a demand, the submission form) lead back to the tab's list.
  const parent = location.pathname.startsWith('/m/demands/') ? '/m/demands' : null;
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
            <Route path="demands" element={<MyDemands />} />
            <Route path="demands/new" element={<SubmitDemand />} />
            <Route path="demands/:id" element={<DemandView />} />
            <Route path="notifications" element={<MobileNotifications onChange={() => void unread.refresh()} />} />
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

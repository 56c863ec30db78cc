import { BellOutlined, HomeOutlined, MessageOutlined, NotificationOutlined, UserOutlined } from '@ant-design/icons';
import { Button, List, NavBar, Result, TabBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { useCurrentUser } from '../api/current-user.tsx';
import { idOfLabel } from '../api/demands.ts';
import { useUnreadCount } from '../api/notifications.ts';
import type { Grant } from '../api/types.ts';
import { kindLabel, roleLabel } from '../i18n/labels.ts';
import DemandView from './demands/demand-view.tsx';
import MyDemands from './demands/my-demands.tsx';
import SubmitDemand from './demands/submit-demand.tsx';
import MobileNotifications from './notifications.tsx';

/** Masks all but the first and last character: 张三丰 → 张*丰, zhangsan → z******n. */
export function mask(value: string): string {
  if (value.length <= 1) return value;
  if (value.length === 2) return `${value[0]}*`;
  return `${value[0]}${'*'.repeat(value.length - 2)}${value[value.length - 1]}`;
}

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
        <List.Item extra={mask(me.user.displayName)}>{t('accounts.displayName')}</List.Item>
        <List.Item extra={mask(me.user.username)}>{t('mobile.account')}</List.Item>
        <List.Item extra={me.user.tenantName}>{t('mobile.tenant')}</List.Item>
        {me.grants.map((g) => (
          <List.Item key={g.id} extra={g.nodeName}>
            {roleLabel(g.role)}
          </List.Item>
        ))}
      </List>
      <div style={{ padding: 16, display: 'grid', gap: 12 }}>
        {me.abilities.length > 0 && (
          <Button block onClick={() => navigate('/')}>
            {t('mobile.adminEntry')}
          </Button>
        )}
        <Button
          block
          color="danger"
          onClick={async () => {
            await logout();
            navigate('/login', { replace: true });
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
        <Routes>
          <Route index element={<MobileHome />} />
          <Route path="profile" element={<MobileProfile />} />
          <Route path="demands" element={<MyDemands />} />
          <Route path="demands/new" element={<SubmitDemand />} />
          <Route path="demands/:id" element={<DemandView />} />
          <Route path="notifications" element={<MobileNotifications onChange={() => void unread.refresh()} />} />
        </Routes>
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

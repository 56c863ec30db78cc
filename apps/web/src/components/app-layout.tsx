import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CloudUploadOutlined,
  ClusterOutlined,
  FireOutlined,
  FlagOutlined,
  GlobalOutlined,
  HomeOutlined,
  LogoutOutlined,
  MessageOutlined,
  TableOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Avatar, Button, Dropdown, Flex, Grid, Layout, Menu, Segmented, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useCurrentUser } from '../api/current-user.tsx';
import type { Ability } from '../api/types.ts';
import { type Locale, setLocale } from '../i18n/index.ts';
import { kindLabel, roleLabel } from '../i18n/labels.ts';
import { NotificationBell } from './notification-bell.tsx';

interface MenuEntry {
  path: string;
  icon: ReactNode;
  label:
    | 'menu.home'
    | 'menu.territory'
    | 'menu.import'
    | 'menu.residents'
    | 'menu.party'
    | 'menu.grids'
    | 'menu.organisations'
    | 'menu.accounts'
    | 'menu.audit'
    | 'demands.menu.inbox'
    | 'demands.menu.dashboard'
    | 'demandSmart.menu'
    | 'notifications.menu.calendar'
    | 'demandImport.menu'
    | 'demandSettings.menu'
    | 'open311Clients.menu';
  /** Any one of a list is enough. */
  ability?: Ability | Ability[];
}

const entries: MenuEntry[] = [
  { path: '/', icon: <HomeOutlined />, label: 'menu.home' },
  { path: '/territory', icon: <ApartmentOutlined />, label: 'menu.territory', ability: 'territory.read' },
  { path: '/import', icon: <CloudUploadOutlined />, label: 'menu.import', ability: 'territory.import' },
  { path: '/residents', icon: <UserOutlined />, label: 'menu.residents', ability: 'people.read' },
  { path: '/party', icon: <FlagOutlined />, label: 'menu.party', ability: 'party.read' },
  { path: '/grids', icon: <TableOutlined />, label: 'menu.grids', ability: 'grid.read' },
  { path: '/organisations', icon: <BankOutlined />, label: 'menu.organisations', ability: 'organisation.read' },
  { path: '/accounts', icon: <TeamOutlined />, label: 'menu.accounts', ability: 'account.read' },
  { path: '/audit', icon: <AuditOutlined />, label: 'menu.audit', ability: 'audit.read' },
  { path: '/demands', icon: <MessageOutlined />, label: 'demands.menu.inbox', ability: ['demand.read', 'demand.handle'] },
  { path: '/demands/dashboard', icon: <BarChartOutlined />, label: 'demands.menu.dashboard', ability: 'demand.read' },
  { path: '/demands/hotspots', icon: <FireOutlined />, label: 'demandSmart.menu', ability: 'demand.read' },
  {
    path: '/demands/settings/categories',
    icon: <ClusterOutlined />,
    label: 'demandSettings.menu',
    ability: ['demand.configure', 'demand.read'],
  },
  {
    path: '/demand-calendar',
    icon: <CalendarOutlined />,
    label: 'notifications.menu.calendar',
    ability: ['demand.configure', 'demand.read'],
  },
  { path: '/demand-import', icon: <CloudUploadOutlined />, label: 'demandImport.menu', ability: ['demand.intake', 'demand.read'] },
  { path: '/open311-clients', icon: <GlobalOutlined />, label: 'open311Clients.menu', ability: 'demand.configure' },
];

export function LanguageSwitch() {
  const { i18n } = useTranslation();
  return (
    <Segmented<Locale>
      size="small"
      data-testid="language-switch"
      value={i18n.language === 'en-US' ? 'en-US' : 'zh-CN'}
      onChange={(value) => setLocale(value)}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'EN', value: 'en-US' },
      ]}
    />
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  const { me, can, logout } = useCurrentUser();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.lg;
  const [collapsed, setCollapsed] = useState(narrow);

  const items = entries
    .filter((e) => !e.ability || (Array.isArray(e.ability) ? e.ability : [e.ability]).some(can))
    .map((e) => ({
      key: e.path,
      icon: e.icon,
      label: t(e.label),
      'data-testid': `menu-${e.path.slice(1).replaceAll('/', '-') || 'home'}`,
    }));
  const selected =
    entries
      .map((e) => e.path)
      .filter((p) => (p === '/' ? location.pathname === '/' : location.pathname.startsWith(p)))
      .pop() ?? '/';
  // Compound pages belong to the territory section.
  const selectedKey = location.pathname.startsWith('/compounds') ? '/territory' : selected;

  const grants = me?.grants ?? [];
  const doLogout = async () => {
    await logout();
    navigate('/login', { replace: true });
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        breakpoint="lg"
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        collapsedWidth={narrow ? 0 : 64}
        width={208}
        theme="light"
        style={{ borderRight: '1px solid #f0f0f0' }}
        data-testid="side-menu"
      >
        <Flex align="center" justify="center" style={{ height: 56, fontWeight: 600, fontSize: 18, color: '#c8161d' }}>
          {collapsed ? t('app.name').slice(0, 1) : t('app.name')}
        </Flex>
        <Menu
          mode="inline"
          selectedKeys={[selectedKey]}
          items={items}
          onClick={({ key }) => {
            navigate(key);
            if (narrow) setCollapsed(true);
          }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 16px',
            borderBottom: '1px solid #f0f0f0',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 12,
            height: 56,
            lineHeight: '56px',
          }}
        >
          <Typography.Text strong ellipsis style={{ minWidth: 0 }}>
            {me?.user.tenantName ?? t('app.fullName')}
          </Typography.Text>
          <Space size="middle">
            {!narrow && (
              <Space size={4} wrap={false} data-testid="header-grants" style={{ maxWidth: 480, overflow: 'hidden' }}>
                {grants.slice(0, 2).map((g) => (
                  <Tag key={g.id} color="red" style={{ marginInlineEnd: 0 }}>
                    {roleLabel(g.role)} · {g.nodeName}
                  </Tag>
                ))}
                {grants.length > 2 && <Tag>+{grants.length - 2}</Tag>}
              </Space>
            )}
            <NotificationBell />
            <LanguageSwitch />
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  ...grants.map((g) => ({
                    key: g.id,
                    disabled: true,
                    label: (
                      <span>
                        {roleLabel(g.role)} — {g.nodeName}
                        {g.nodeKind ? ` (${kindLabel(g.nodeKind)})` : ''}
                      </span>
                    ),
                  })),
                  { type: 'divider' as const },
                  { key: 'logout', icon: <LogoutOutlined />, label: t('auth.logout'), onClick: doLogout },
                ],
              }}
            >
              <Button type="text" data-testid="user-menu" style={{ paddingInline: 4 }}>
                <Avatar size="small" icon={<UserOutlined />} style={{ background: '#c8161d' }} />
                {!narrow && <span data-testid="header-user">{me?.user.displayName}</span>}
              </Button>
            </Dropdown>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: narrow ? 12 : 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

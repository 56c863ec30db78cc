import { HomeOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import type { MenuEntry } from '@linli/web-kit';
import { useCurrentUser } from '@linli/web-kit/current-user';
import { type Locale, setLocale } from '@linli/web-kit/i18n';
import { kindLabel, roleLabel } from '@linli/web-kit/labels';
import { Avatar, Button, Dropdown, Flex, Grid, Layout, Menu, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { webModules } from '../modules.ts';
import { NotificationBell } from './notification-bell.tsx';

// The home page, then every module's entries in the order of apps/web/src/modules.ts.
const entries: MenuEntry[] = [{ path: '/', icon: <HomeOutlined />, label: 'menu.home' }, ...webModules.flatMap((m) => m.menu ?? [])];

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
    .filter((e) => !e.ability || (typeof e.ability === 'string' ? [e.ability] : e.ability).some(can))
    .map((e) => ({
      key: e.path,
      icon: e.icon,
      label: (t as unknown as (key: string) => string)(e.label),
      'data-testid': `menu-${e.path.slice(1).replaceAll('/', '-') || 'home'}`,
    }));
  // The longest entry the address starts with (compound pages belong to the territory entry: `also`).
  const selectedKey =
    entries
      .flatMap((e) => [e.path, ...(e.also ?? [])].map((prefix) => ({ prefix, key: e.path })))
      .filter(({ prefix }) => (prefix === '/' ? location.pathname === '/' : location.pathname.startsWith(prefix)))
      .sort((a, b) => a.prefix.length - b.prefix.length)
      .pop()?.key ?? '/';

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

import { useCurrentUser } from '@linli/web-kit/current-user';
import { kindLabel, roleLabel } from '@linli/web-kit/labels';
import { Card, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';

export function HomePage() {
  const { t } = useTranslation();
  const { me } = useCurrentUser();
  if (!me) return null;
  // Residents (no admin ability) use the mobile pages.
  if (me.abilities.length === 0) return <Navigate to="/m" replace />;
  return (
    <Card data-testid="home">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('home.welcome', { name: me.user.displayName })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('home.intro')}</Typography.Paragraph>
      <Typography.Title level={5}>{t('home.grants')}</Typography.Title>
      <List
        data-testid="home-grants"
        dataSource={me.grants}
        renderItem={(g) => (
          <List.Item>
            <Tag color="red">{roleLabel(g.role)}</Tag>
            {g.nodeName}
            {g.nodeKind && <Typography.Text type="secondary"> · {kindLabel(g.nodeKind)}</Typography.Text>}
          </List.Item>
        )}
      />
    </Card>
  );
}

import { BellOutlined } from '@ant-design/icons';
import { type NotificationItem, notificationTime, useNotificationText, useUnreadCount } from '@linli/notifications/web/api';
import { api } from '@linli/web-kit/client';
import { Badge, Button, Empty, Flex, Popover, Segmented, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** The bell in the header: unread count (polled), the latest notifications, open one to mark it read. */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const text = useNotificationText();
  const { count, refresh: refreshCount } = useUnreadCount();
  const [open, setOpen] = useState(false);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [items, setItems] = useState<NotificationItem[] | null>(null);
  const [failed, setFailed] = useState(false);

  const load = useCallback(async () => {
    setFailed(false);
    try {
      const page = await api.get<{ items: NotificationItem[] }>('/notifications', { limit: 10, unread: unreadOnly || undefined });
      setItems(page.items);
    } catch {
      setFailed(true);
      setItems([]);
    }
  }, [unreadOnly]);

  useEffect(() => {
    if (open) void load();
  }, [open, load]);

  const openItem = async (n: NotificationItem) => {
    if (!n.readAt) {
      await api.post(`/notifications/${n.id}/read`).catch(() => undefined);
      void refreshCount();
    }
    setOpen(false);
    if (n.link) navigate(n.link);
  };

  const markAll = async () => {
    await api.post('/notifications/read-all').catch(() => undefined);
    await Promise.all([refreshCount(), load()]);
  };

  const content = (
    <div style={{ width: 340, maxWidth: '80vw' }} data-testid="notification-list">
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Segmented
          size="small"
          value={unreadOnly ? 'unread' : 'all'}
          onChange={(v) => setUnreadOnly(v === 'unread')}
          options={[
            { label: t('common.all'), value: 'all' },
            { label: t('notifications.bell.unreadOnly'), value: 'unread' },
          ]}
        />
        <Button size="small" type="link" onClick={markAll} disabled={count === 0} data-testid="notifications-read-all">
          {t('notifications.bell.markAllRead')}
        </Button>
      </Flex>
      {items === null ? (
        <Flex justify="center" style={{ padding: 24 }}>
          <Spin />
        </Flex>
      ) : items.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={failed ? t('notifications.bell.loadFailed') : t('notifications.bell.empty')}
        />
      ) : (
        <Flex vertical gap={4} style={{ maxHeight: 420, overflowY: 'auto' }}>
          {items.map((n) => {
            const { title, body } = text(n);
            return (
              <button
                type="button"
                key={n.id}
                onClick={() => void openItem(n)}
                data-testid="notification-item"
                style={{
                  textAlign: 'left',
                  border: 'none',
                  borderRadius: 6,
                  padding: '6px 8px',
                  cursor: 'pointer',
                  background: n.readAt ? 'transparent' : '#fff1f0',
                }}
              >
                <Flex justify="space-between" gap={8}>
                  <Typography.Text strong={!n.readAt} ellipsis>
                    {title}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                    {notificationTime(n.createdAt, i18n.language)}
                  </Typography.Text>
                </Flex>
                <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 13 }} ellipsis={{ rows: 2 }}>
                  {body}
                </Typography.Paragraph>
              </button>
            );
          })}
        </Flex>
      )}
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={t('notifications.bell.title')}
      content={content}
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setItems(null);
      }}
    >
      <Button type="text" aria-label={t('notifications.bell.title')} data-testid="notification-bell" style={{ paddingInline: 6 }}>
        <Badge count={count} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}

import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Flex, Popover, Segmented, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../api/client.ts';

/** One notification as GET /api/v1/notifications returns it (modules/notifications/src/contract.ts). */
export interface NotificationItem {
  id: string;
  eventType: string;
  messageKey: string;
  params: Record<string, string>;
  title: string;
  body: string;
  link: string | null;
  demandId: string | null;
  createdAt: string;
  readAt: string | null;
}

const POLL_MS = 30_000;

function shortTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Shanghai',
  }).format(new Date(iso));
}

/**
 * The text in the interface language: notifications are stored in Chinese; for English the message
 * key and parameters are rendered with the en-US strings.
 */
function useNotificationText() {
  const { t, i18n } = useTranslation();
  return useCallback(
    (n: NotificationItem): { title: string; body: string } => {
      if (i18n.language !== 'en-US') return { title: n.title, body: n.body };
      const p = n.params;
      const events = t('notifications.events', { returnObjects: true }) as Record<string, string>;
      const kinds = t('notifications.kinds', { returnObjects: true }) as Record<string, string>;
      const deadlines = t('notifications.deadlines', { returnObjects: true }) as Record<string, string>;
      const due = p.dueAt ? shortTime(p.dueAt, 'en-US') : '';
      const values = {
        ...p,
        status: events[p.event ?? ''] ?? '',
        kind: kinds[p.kind ?? ''] ?? '',
        deadline: deadlines[p.deadline ?? ''] ?? '',
        due,
      };
      switch (n.messageKey) {
        case 'notification.demandStatus':
          return {
            title: t('notifications.messages.demandStatus.title', values),
            body: t('notifications.messages.demandStatus.body', values),
          };
        case 'notification.demandAssigned':
          return {
            title: t('notifications.messages.demandAssigned.title', values),
            body: t('notifications.messages.demandAssigned.body', values),
          };
        case 'notification.demandDueSoon':
          return {
            title: t('notifications.messages.demandDueSoon.title', values),
            body: t('notifications.messages.demandDueSoon.body', values),
          };
        case 'notification.demandOverdue':
          return {
            title: t('notifications.messages.demandOverdue.title', values),
            body: t('notifications.messages.demandOverdue.body', values),
          };
        default:
          return { title: n.title, body: n.body };
      }
    },
    [t, i18n.language],
  );
}

/** The bell in the header: unread count (polled), the latest notifications, open one to mark it read. */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const text = useNotificationText();
  const [count, setCount] = useState(0);
  const [open, setOpen] = useState(false);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [items, setItems] = useState<NotificationItem[] | null>(null);
  const [failed, setFailed] = useState(false);

  const refreshCount = useCallback(async () => {
    try {
      setCount((await api.get<{ count: number }>('/notifications/unread-count')).count);
    } catch {
      // A failed poll keeps the last count; the next one tries again.
    }
  }, []);

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
    void refreshCount();
    const timer = setInterval(() => void refreshCount(), POLL_MS);
    return () => clearInterval(timer);
  }, [refreshCount]);

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
                    {shortTime(n.createdAt, i18n.language)}
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

import { api } from '@linli/web-kit/client';
import { Button, Empty, List, Toast } from 'antd-mobile';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type NotificationItem, notificationTime, refreshUnreadCount, useNotificationText } from './api.ts';

/**
 * The resident's messages (/m/notifications): progress of their demands, meeting notices and reminders,
 * the committee's evaluations and objections; tapping one opens its page and marks it read.
 */
export default function MobileNotifications() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const text = useNotificationText();
  const [items, setItems] = useState<NotificationItem[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);

  const load = useCallback(async (after?: string) => {
    try {
      const page = await api.get<{ items: NotificationItem[]; nextCursor: string | null }>('/notifications', { limit: 30, cursor: after });
      setItems((list) => (after ? [...(list ?? []), ...page.items] : page.items));
      setCursor(page.nextCursor);
    } catch (e) {
      Toast.show({ content: e instanceof Error ? e.message : String(e) });
      setItems((list) => list ?? []);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const open = async (n: NotificationItem) => {
    if (!n.readAt) {
      await api.post(`/notifications/${n.id}/read`).catch(() => undefined);
      void refreshUnreadCount();
    }
    if (n.link) navigate(n.link);
  };

  const readAll = async () => {
    await api.post('/notifications/read-all').catch(() => undefined);
    void refreshUnreadCount();
    await load();
  };

  if (items === null) return null;
  return (
    <div data-testid="mobile-notifications">
      <List
        header={
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
            <span>{t('notifications.bell.title')}</span>
            <Button size="mini" fill="none" onClick={() => void readAll()}>
              {t('notifications.bell.markAllRead')}
            </Button>
          </div>
        }
      >
        {items.length === 0 ? (
          <Empty description={t('notifications.bell.empty')} />
        ) : (
          items.map((n) => {
            const { title, body } = text(n);
            return (
              <List.Item
                key={n.id}
                clickable
                onClick={() => void open(n)}
                description={body}
                extra={notificationTime(n.createdAt, i18n.language)}
                data-testid="mobile-notification"
                style={{ fontWeight: n.readAt ? 'normal' : 600 }}
              >
                {title}
              </List.Item>
            );
          })
        )}
      </List>
      {cursor && (
        <div style={{ padding: 16 }}>
          <Button block onClick={() => void load(cursor)}>
            {t('common.loadMore')}
          </Button>
        </div>
      )}
    </div>
  );
}

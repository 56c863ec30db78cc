import { api } from '@linli/web-kit/client';
import type { Page } from '@linli/web-kit/types';
import { Button, ErrorBlock, InfiniteScroll, List, Tag } from 'antd-mobile';
import dayjs from 'dayjs';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Demand } from '../api.ts';
import { statusLabel } from '../demand-labels.ts';

export const mobileStatusColor: Record<string, string> = {
  submitted: 'warning',
  accepted: 'warning',
  returned: 'warning',
  dispatched: 'primary',
  in_progress: 'primary',
  resolved: 'success',
  evaluated: 'success',
  closed: 'default',
  rejected: 'danger',
  merged: 'default',
};

export function MobileStatusTag({ status }: { status: string }) {
  return (
    <Tag color={mobileStatusColor[status] ?? 'default'} fill="outline" data-testid="m-demand-status">
      {statusLabel(status)}
    </Tag>
  );
}

/** The resident's own demands, newest first, loaded page by page as they scroll. */
export default function MyDemands() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [items, setItems] = useState<Demand[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const hasMore = cursor !== null;

  const loadMore = useCallback(async () => {
    const page = await api.get<Page<Demand>>('/me/demands', { cursor: cursor ?? undefined, limit: 20 });
    setItems((prev) => [...prev, ...page.items]);
    setCursor(page.nextCursor);
  }, [cursor]);

  return (
    <div data-testid="m-my-demands">
      <div style={{ padding: 12 }}>
        <Button block color="primary" onClick={() => navigate('/m/demands/new')} data-testid="m-new-demand">
          {t('demands.mobile.submitEntry')}
        </Button>
      </div>
      <List header={t('demands.mobile.mine')}>
        {items.map((d) => (
          <List.Item
            key={d.id}
            onClick={() => navigate(`/m/demands/${d.id}`)}
            description={`${d.number} · ${dayjs(d.submittedAt).format('YYYY-MM-DD HH:mm')}`}
            extra={<MobileStatusTag status={d.status} />}
            data-testid={`m-demand-${d.number}`}
          >
            {d.title}
          </List.Item>
        ))}
      </List>
      {cursor === null && items.length === 0 && <ErrorBlock status="empty" title={t('demands.mobile.empty')} description="" />}
      <InfiniteScroll loadMore={loadMore} hasMore={hasMore}>
        {hasMore ? t('app.loading') : items.length > 0 ? t('common.noMore') : ''}
      </InfiniteScroll>
    </div>
  );
}

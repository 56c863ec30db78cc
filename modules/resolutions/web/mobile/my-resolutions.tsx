import type { DueEvaluationList, Resolution } from '@linli/resolutions/contract';
import { api } from '@linli/web-kit/client';
import type { Page } from '@linli/web-kit/types';
import { useData } from '@linli/web-kit/use-data';
import { Badge, Button, InfiniteScroll, List, ProgressBar, Space, Tag } from 'antd-mobile';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { label } from '../labels.ts';

/**
 * The resolutions of the resident's compound, community and subdistrict, newest first, with their
 * progress; a member of a supervision committee also gets the link to the evaluations they owe.
 */
export default function MyResolutions() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [items, setItems] = useState<Resolution[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const loadMore = useCallback(async () => {
    const page = await api.get<Page<Resolution>>('/me/resolutions', { cursor: cursor ?? undefined, limit: 20 });
    setItems((prev) => [...prev, ...page.items]);
    setCursor(page.nextCursor);
  }, [cursor]);
  const due = useData((signal) => api.get<DueEvaluationList>('/me/evaluations-due', undefined, { signal }), []);
  const dueItems = due.data?.items ?? [];
  const pending = dueItems.filter((e) => !e.evaluatedAt && !e.ownsTask).length;
  return (
    <div data-testid="m-resolutions">
      <Space direction="vertical" block style={{ padding: 12 }}>
        {dueItems.length > 0 && (
          <Badge content={pending > 0 ? pending : null} style={{ '--right': '8px', '--top': '8px' }} wrapperStyle={{ width: '100%' }}>
            <Button
              block
              color="primary"
              fill="outline"
              onClick={() => navigate('/m/resolutions/evaluations')}
              data-testid="m-evaluations-link"
            >
              {t('resolutions.mobile.evaluate.title')}
            </Button>
          </Badge>
        )}
        <Button block onClick={() => navigate('/m/resolutions/notices')} data-testid="m-resolution-notices">
          {t('resolutions.mobile.notices')}
        </Button>
      </Space>
      <List header={t('resolutions.mobile.mine')}>
        {items.map((r) => (
          <List.Item
            key={r.id}
            onClick={() => navigate(`/m/resolutions/${r.id}`)}
            description={
              <>
                {r.nodeName} · {r.decidedOn}
                <ProgressBar percent={r.progress} text style={{ marginTop: 6 }} />
              </>
            }
            extra={<Tag color={r.status === 'completed' ? 'success' : 'primary'}>{label('resolutions.statuses', r.status)}</Tag>}
          >
            {r.title}
          </List.Item>
        ))}
      </List>
      <InfiniteScroll loadMore={loadMore} hasMore={cursor !== null}>
        {cursor === null && items.length === 0 ? t('resolutions.mobile.empty') : undefined}
      </InfiniteScroll>
    </div>
  );
}

import type { MyConversation } from '@linli/opinion-map/contract';
import { api } from '@linli/web-kit/client';
import { useData } from '@linli/web-kit/use-data';
import { DotLoading, ErrorBlock, List, ProgressBar, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** The conversations of the places the resident lives in, open ones first, with how far they have voted. */
export default function Conversations() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data, error } = useData((signal) => api.get<{ items: MyConversation[] }>('/me/opinion-conversations', undefined, { signal }), []);
  if (error) return <ErrorBlock status="default" title={error.message} description="" />;
  if (!data) return <DotLoading />;
  if (data.items.length === 0) return <ErrorBlock status="empty" title={t('opinionMap.mobile.empty')} description="" />;
  return (
    <List header={t('opinionMap.mobile.list')} data-testid="m-opinion-conversations">
      {data.items.map((c) => (
        <List.Item
          key={c.id}
          onClick={() => navigate(`/m/opinions/${c.id}`)}
          description={
            <div>
              <div>{c.nodeName}</div>
              <ProgressBar percent={c.statementCount ? (c.votedCount / c.statementCount) * 100 : 0} style={{ marginTop: 6 }} />
            </div>
          }
          extra={<Tag color={c.state === 'open' ? 'success' : 'default'}>{t(`opinionMap.states.${c.state}`)}</Tag>}
          data-testid={`m-opinion-${c.id}`}
        >
          {c.title}
        </List.Item>
      ))}
    </List>
  );
}

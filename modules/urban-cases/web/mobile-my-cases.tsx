import type { MyCase } from '@linli/urban-cases/contract';
import { caseUnits } from '@linli/urban-cases/vocabulary';
import { api } from '@linli/web-kit/client';
import { formatMinute } from '@linli/web-kit/format-time';
import { useData } from '@linli/web-kit/use-data';
import { Button, DotLoading, Empty, List, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

const color = { reported: 'warning', assigned: 'primary', closed: 'success' } as const;

/** My reports of problems in my compound, newest first, with their status (and the quantity once closed). */
export default function MobileMyCases() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mine = useData((signal) => api.get<{ items: MyCase[] }>('/me/urban-cases', undefined, { signal }), []);
  return (
    <div style={{ padding: 12 }}>
      <Button block color="primary" onClick={() => navigate('/m/urban-cases/new')} data-testid="m-urban-case-new">
        {t('urbanMobile.report')}
      </Button>
      {mine.loading && <DotLoading />}
      {mine.data && mine.data.items.length === 0 && <Empty description={t('urbanMobile.empty')} />}
      {mine.data && mine.data.items.length > 0 && (
        <List header={t('urbanMobile.mine')} data-testid="m-urban-cases">
          {mine.data.items.map((c) => (
            <List.Item
              key={c.id}
              description={`${c.nodeName} · ${formatMinute(c.reportedAt)}${
                c.status === 'closed' && c.quantity !== null ? ` · ${c.quantity} ${t(`urbanCases.units.${caseUnits[c.kind].unit}`)}` : ''
              }`}
              extra={<Tag color={color[c.status]}>{t(`urbanCases.statuses.${c.status}`)}</Tag>}
            >
              {t(`urbanCases.kinds.${c.kind}`)}：{c.description}
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}

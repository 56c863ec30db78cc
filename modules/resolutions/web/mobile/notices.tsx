import type { Publication, PublicationList } from '@linli/resolutions/contract';
import { api } from '@linli/web-kit/client';
import { useData } from '@linli/web-kit/use-data';
import { Button, Card, Dialog, ErrorBlock, List, Tag, TextArea, Toast } from 'antd-mobile';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { label } from '../labels.ts';

function ObjectForm({ notice, onSent }: { notice: Publication; onSent: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [saving, setSaving] = useState(false);
  const send = async () => {
    setSaving(true);
    try {
      await api.post(`/resolution-publications/${notice.id}/objections`, { text });
      Toast.show({ icon: 'success', content: t('resolutions.mobile.objected') });
      setText('');
      onSent();
    } catch (e) {
      Dialog.alert({ content: e instanceof Error ? e.message : String(e) });
    } finally {
      setSaving(false);
    }
  };
  return (
    <>
      <TextArea
        placeholder={t('resolutions.mobile.objectionText')}
        value={text}
        onChange={setText}
        maxLength={1000}
        rows={3}
        data-testid="m-objection-text"
      />
      <Button block color="primary" disabled={!text.trim()} loading={saving} onClick={send} data-testid="m-object">
        {t('resolutions.mobile.object')}
      </Button>
    </>
  );
}

/** The notices (公示) of the resident's places: each resolution's progress and evaluation, and an objection while the period is open. */
export default function Notices() {
  const { t } = useTranslation();
  const { data, reload } = useData((signal) => api.get<PublicationList>('/resolution-publications', undefined, { signal }), []);
  if (data && data.items.length === 0) return <ErrorBlock status="empty" title={t('resolutions.mobile.empty')} description="" />;
  return (
    <div data-testid="m-resolution-notices">
      {(data?.items ?? []).map((n) => (
        <Card
          key={n.id}
          title={`${n.nodeName} ${n.month}`}
          extra={
            <Tag color={n.open ? 'success' : 'default'}>{n.open ? t('resolutions.notices.open') : t('resolutions.notices.closed')}</Tag>
          }
          style={{ margin: 12 }}
        >
          <List>
            {n.entries.map((e) => (
              <List.Item
                key={e.resolutionId}
                description={
                  e.evaluation
                    ? `${label('resolutions.supervision.qualities', e.evaluation.quality)} · ${label('resolutions.supervision.satisfactions', e.evaluation.satisfaction)} ${e.evaluation.comment ?? ''}`
                    : undefined
                }
              >
                {e.title} · {e.progress}%
              </List.Item>
            ))}
          </List>
          <div style={{ color: '#888', margin: '8px 0' }}>
            {t('resolutions.notices.objectionUntil')} {dayjs(n.objectionUntil).format('YYYY-MM-DD HH:mm')}
          </div>
          {n.open ? <ObjectForm notice={n} onSent={() => void reload()} /> : <div>{t('resolutions.mobile.closed')}</div>}
        </Card>
      ))}
    </div>
  );
}

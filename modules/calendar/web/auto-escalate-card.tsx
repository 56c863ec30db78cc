import type { DeadlineSettings } from '@linli/demands/contract';
import { api, request } from '@linli/web-kit/client';
import { useData } from '@linli/web-kit/use-data';
import { App, Card, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The county's automatic escalation of overdue demands (a demands setting shown beside the calendar it uses). */
export function AutoEscalateCard({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const loaded = useData(
    (signal) => api.get<DeadlineSettings>('/demand-settings', undefined, { signal }).catch((): DeadlineSettings | null => null),
    [],
  );
  const [saved, setSaved] = useState<DeadlineSettings | null>(null);
  const settings = saved ?? loaded.data ?? null;

  const toggleAutoEscalate = async (on: boolean) => {
    try {
      setSaved(await request<DeadlineSettings>('PATCH', '/demand-settings', { body: { autoEscalate: on } }));
      message.success(t('common.saved'));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  if (!settings) return null;
  return (
    <Card size="small">
      <Space wrap>
        <Switch
          checked={settings.autoEscalate}
          disabled={!editable}
          onChange={(on) => void toggleAutoEscalate(on)}
          data-testid="auto-escalate"
        />
        <Typography.Text strong>{t('calendar.autoEscalate')}</Typography.Text>
        <Typography.Text type="secondary">{t('calendar.autoEscalateHelp')}</Typography.Text>
      </Space>
    </Card>
  );
}

import { Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from './api.ts';
import { actionLabel, levelLabel, satisfactionLabel } from './demand-labels.ts';
import { formatTime, StatusTag } from './demand-ui.tsx';

// Apart from demand-ui.tsx: antd's Timeline brings its Steps, which only the detail page draws.

function unitName(data: Record<string, unknown>): string | null {
  const unit = data.unit as { name?: unknown } | undefined;
  return unit && typeof unit.name === 'string' ? unit.name : null;
}

/** The demand's history, oldest first: who did what, the status it led to, the note and the unit. */
export function DemandTimeline({ entries }: { entries: TimelineEntry[] }) {
  const { t } = useTranslation();
  return (
    <Timeline
      data-testid="demand-timeline"
      items={entries.map((e) => {
        const unit = unitName(e.data);
        const satisfaction = typeof e.data.satisfaction === 'string' ? e.data.satisfaction : null;
        return {
          key: e.seq,
          color: e.toStatus === 'rejected' || e.action === 'return' ? 'red' : e.action === 'resolve' ? 'green' : 'blue',
          content: (
            <div data-testid="timeline-entry">
              <Space wrap size={4}>
                <Typography.Text strong>{actionLabel(e.action)}</Typography.Text>
                {e.fromStatus !== e.toStatus && <StatusTag status={e.toStatus} />}
                {unit && <Typography.Text>{t('demands.detail.toUnit', { name: unit })}</Typography.Text>}
                {typeof e.data.level === 'string' && <Tag>{levelLabel(e.data.level)}</Tag>}
                {satisfaction && <Tag color="cyan">{satisfactionLabel(satisfaction)}</Tag>}
              </Space>
              <div>
                <Typography.Text type="secondary">
                  {formatTime(e.at)} {e.actorName ?? ''}
                </Typography.Text>
              </div>
              {e.note && <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{e.note}</Typography.Paragraph>}
            </div>
          ),
        };
      })}
    />
  );
}

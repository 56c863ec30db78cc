import type { Meeting } from '@linli/meetings/contract';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const colors: Record<string, string> = { draft: 'default', published: 'blue', open: 'green', closed: 'purple', cancelled: 'default' };

export function MeetingStatusTag({ status }: { status: Meeting['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={colors[status] ?? 'default'} data-testid="meeting-status">
      {t(`meetings.statuses.${status}`)}
    </Tag>
  );
}

export const formatTime = (v: string | null) => (v ? new Date(v).toLocaleString('zh-CN', { hour12: false }) : '—');

import type { Meeting } from '@linli/meetings/contract';
import { Tag } from 'antd';
import dayjs from 'dayjs';
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

/** A meeting time to the minute, YYYY-MM-DD HH:mm in the browser's time zone. */
export const formatTime = (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—');

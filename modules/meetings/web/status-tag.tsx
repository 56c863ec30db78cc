import type { Meeting } from '@linli/meetings/contract';
import { formatMinute } from '@linli/web-kit/format-time';
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

/** A meeting time to the minute, YYYY-MM-DD HH:mm in the browser's time zone. */
export const formatTime = (v: string | null) => formatMinute(v);

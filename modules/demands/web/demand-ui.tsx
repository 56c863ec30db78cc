import { ClockCircleOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Demand } from './api.ts';
import { durationText, statusColor, statusLabel } from './demand-labels.ts';

export function StatusTag({ status, testId }: { status: string; testId?: string }) {
  return (
    <Tag color={statusColor[status] ?? 'default'} data-testid={testId}>
      {statusLabel(status)}
    </Tag>
  );
}

/** The current time, re-rendered every minute so countdowns move. */
export function useNow(intervalMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** The deadline that matters now: the response deadline until accepted, then the resolution deadline. */
export function currentDeadline(d: Pick<Demand, 'status' | 'responseDueAt' | 'resolveDueAt'>): string {
  return d.status === 'submitted' ? d.responseDueAt : d.resolveDueAt;
}

/** Countdown with the server's deadline state (on time / due soon / overdue); nothing once the demand is resolved. */
export function DeadlineBadge({ demand, now }: { demand: Demand; now: number }) {
  const { t } = useTranslation();
  if (!demand.deadlineState) return null;
  const due = new Date(currentDeadline(demand)).getTime();
  const left = due - now;
  const color = demand.deadlineState === 'overdue' ? 'red' : demand.deadlineState === 'due_soon' ? 'orange' : 'green';
  return (
    <Tag color={color} icon={<ClockCircleOutlined />} data-testid="deadline-badge" data-state={demand.deadlineState}>
      {t(`demands.deadline.${demand.deadlineState}`)} ·{' '}
      {left >= 0 ? t('demands.deadline.left', { time: durationText(left) }) : t('demands.deadline.late', { time: durationText(left) })}
    </Tag>
  );
}

export function formatTime(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '';
}

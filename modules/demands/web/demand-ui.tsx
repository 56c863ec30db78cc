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

/** Which deadline that is: 响应时限 before acceptance, 办结时限 after. */
export function deadlineKind(d: Pick<Demand, 'status'>): 'response' | 'resolution' {
  return d.status === 'submitted' ? 'response' : 'resolution';
}

/**
 * Countdown with the server's deadline state, naming the deadline it is about (响应时限 / 办结时限);
 * "due soon" only in the last quarter of the time allowed, at most the last 24 hours (the server's
 * rule, which the 即将超期 tab also follows for resolution deadlines). Nothing once resolved.
 */
export function DeadlineBadge({ demand, now }: { demand: Demand; now: number }) {
  const { t } = useTranslation();
  if (!demand.deadlineState) return null;
  const due = new Date(currentDeadline(demand)).getTime();
  const left = due - now;
  const kind = deadlineKind(demand);
  const color = demand.deadlineState === 'overdue' ? 'red' : demand.deadlineState === 'due_soon' ? 'orange' : 'green';
  const parts = [
    t(`demands.deadline.kind.${kind}`),
    demand.deadlineState === 'on_time' ? null : t(`demands.deadline.${demand.deadlineState}`),
    left >= 0 ? t('demands.deadline.left', { time: durationText(left) }) : t('demands.deadline.late', { time: durationText(left) }),
  ].filter(Boolean);
  return (
    <Tag color={color} icon={<ClockCircleOutlined />} data-testid="deadline-badge" data-state={demand.deadlineState} data-kind={kind}>
      {parts.join(' · ')}
    </Tag>
  );
}

export function formatTime(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '';
}

// The notifications API for the web app: the item type, the unread count polled while mounted, and the
// text of a notification in the interface language. Used by the header bell and the resident pages.

import type { Notification } from '@linli/notifications/contract';
import { api } from '@linli/web-kit/client';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** One notification as GET /api/v1/notifications returns it. */
export type NotificationItem = Notification;

const POLL_MS = 30_000;

/** When a notification came, with its year (a notice kept from last December must not read as this year's). */
export function notificationTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Shanghai',
  }).format(new Date(iso));
}

/** 2026-02 → February 2026 (a resolution's month of evaluation or notice). */
function monthName(month: string | undefined): string {
  if (!month || !/^\d{4}-\d{2}$/.test(month)) return month ?? '';
  return new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
}

/**
 * The text in the interface language: notifications are stored in Chinese; for English the message
 * key and parameters are rendered with the en-US strings.
 */
export function useNotificationText() {
  const { t, i18n } = useTranslation();
  return useCallback(
    (n: NotificationItem): { title: string; body: string } => {
      if (i18n.language !== 'en-US') return { title: n.title, body: n.body };
      const p = n.params;
      const events = t('notifications.events', { returnObjects: true }) as Record<string, string>;
      const kinds = t('notifications.kinds', { returnObjects: true }) as Record<string, string>;
      const deadlines = t('notifications.deadlines', { returnObjects: true }) as Record<string, string>;
      const due = p.dueAt ? notificationTime(p.dueAt, 'en-US') : '';
      const values = {
        ...p,
        status: events[p.event ?? ''] ?? '',
        kind: kinds[p.kind ?? ''] ?? '',
        deadline: deadlines[p.deadline ?? ''] ?? '',
        due,
      };
      switch (n.messageKey) {
        case 'notification.demandStatus':
          return {
            title: t('notifications.messages.demandStatus.title', values),
            body: t('notifications.messages.demandStatus.body', values),
          };
        case 'notification.demandAssigned':
          return {
            title: t('notifications.messages.demandAssigned.title', values),
            body: t('notifications.messages.demandAssigned.body', values),
          };
        case 'notification.demandDueSoon':
          return {
            title: t('notifications.messages.demandDueSoon.title', values),
            body: t('notifications.messages.demandDueSoon.body', values),
          };
        case 'notification.demandOverdue':
          return {
            title: t('notifications.messages.demandOverdue.title', values),
            body: t('notifications.messages.demandOverdue.body', values),
          };
        case 'notification.demandReturned':
          return {
            title: t('notifications.messages.demandReturned.title', values),
            body: t('notifications.messages.demandReturned.body', values),
          };
        case 'notification.extensionRequested':
          return {
            title: t('notifications.messages.extensionRequested.title', values),
            body: t('notifications.messages.extensionRequested.body', values),
          };
        case 'notification.extensionApproved':
          return {
            title: t('notifications.messages.extensionApproved.title', values),
            body: t('notifications.messages.extensionApproved.body', values),
          };
        case 'notification.extensionRefused':
          return {
            title: t('notifications.messages.extensionRefused.title', values),
            body: t('notifications.messages.extensionRefused.body', values),
          };
        case 'notification.demandSupervised':
          return {
            title: t('notifications.messages.demandSupervised.title', values),
            body: t('notifications.messages.demandSupervised.body', values),
          };
        case 'notification.meetingNotice': {
          const meeting = {
            ...values,
            starts: p.startsAt ? notificationTime(p.startsAt, 'en-US') : '',
            agendaText: p.agenda ? t('notifications.messages.meetingNotice.agenda', { agenda: p.agenda }) : '',
          };
          return {
            title: t('notifications.messages.meetingNotice.title', meeting),
            body: t('notifications.messages.meetingNotice.body', meeting),
          };
        }
        case 'notification.meetingReminder': {
          const meeting = { ...values, starts: p.startsAt ? notificationTime(p.startsAt, 'en-US') : '' };
          return {
            title: t('notifications.messages.meetingReminder.title', meeting),
            body: t('notifications.messages.meetingReminder.body', meeting),
          };
        }
        case 'notification.evaluationDue':
          return {
            title: t('notifications.messages.evaluationDue.title', values),
            body: t('notifications.messages.evaluationDue.body', { ...values, month: monthName(p.month) }),
          };
        case 'notification.objectionFiled': {
          const objection = {
            ...values,
            month: monthName(p.month),
            resolutionText: p.resolution ? t('notifications.messages.objectionFiled.resolution', { resolution: p.resolution }) : '',
          };
          return {
            title: t('notifications.messages.objectionFiled.title', objection),
            body: t('notifications.messages.objectionFiled.body', objection),
          };
        }
        default:
          return { title: n.title, body: n.body };
      }
    },
    [t, i18n.language],
  );
}

// One unread count for the whole page: the header bell, the resident tab bar and the messages list
// read and refresh the same number; it is polled every 30 s while anything shows it.
let unread = 0;
const listeners = new Set<(count: number) => void>();
let timer: ReturnType<typeof setInterval> | undefined;

/** Asks the server for the unread count now and tells everything that shows it. */
export async function refreshUnreadCount(): Promise<void> {
  try {
    unread = (await api.get<{ count: number }>('/notifications/unread-count')).count;
    for (const listener of listeners) listener(unread);
  } catch {
    // A failed poll keeps the last count; the next one tries again.
  }
}

/** The caller's unread count, polled every 30 s while mounted; `refresh` asks again at once. */
export function useUnreadCount(): { count: number; refresh: () => Promise<void> } {
  const [count, setCount] = useState(unread);
  useEffect(() => {
    listeners.add(setCount);
    if (listeners.size === 1) {
      void refreshUnreadCount();
      timer = setInterval(() => void refreshUnreadCount(), POLL_MS);
    }
    return () => {
      listeners.delete(setCount);
      if (listeners.size === 0) clearInterval(timer);
    };
  }, []);
  return { count, refresh: refreshUnreadCount };
}

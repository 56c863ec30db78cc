import type { ChannelConfig } from './channels.ts';

export interface NotificationConfig extends ChannelConfig {
  /** Seconds between dispatcher runs. */
  dispatchIntervalSeconds: number;
  /** Attempts before an event or a channel delivery is parked as dead. */
  maxAttempts: number;
  /** Days a published outbox event is kept. */
  outboxRetentionDays: number;
  /** Days a read notification and a sent text are kept. */
  retentionDays: number;
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return n;
}

/** Read and checked at start-up, so a wrong channel setting stops the server with one clear line. NOTIFY_CHANNELS (default "log"), NOTIFY_SMS_GATEWAY_URL, NOTIFY_WECHAT_GATEWAY_URL, NOTIFY_GATEWAY_TOKEN, NOTIFY_DISPATCH_SECONDS, NOTIFY_MAX_ATTEMPTS, NOTIFY_OUTBOX_RETENTION_DAYS (30), NOTIFY_RETENTION_DAYS (180). */
export function loadNotificationConfig(env: NodeJS.ProcessEnv = process.env): NotificationConfig {
  const channels = (env.NOTIFY_CHANNELS ?? 'log')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  for (const name of channels) {
    if (!['log', 'sms', 'wechat'].includes(name)) throw new Error(`NOTIFY_CHANNELS: unknown channel "${name}" (known: log, sms, wechat)`);
  }
  if (channels.includes('sms') && !env.NOTIFY_SMS_GATEWAY_URL)
    throw new Error('NOTIFY_CHANNELS has sms but NOTIFY_SMS_GATEWAY_URL is not set');
  if (channels.includes('wechat') && !env.NOTIFY_WECHAT_GATEWAY_URL) {
    throw new Error('NOTIFY_CHANNELS has wechat but NOTIFY_WECHAT_GATEWAY_URL is not set');
  }
  return {
    channels,
    smsGatewayUrl: env.NOTIFY_SMS_GATEWAY_URL || undefined,
    wechatGatewayUrl: env.NOTIFY_WECHAT_GATEWAY_URL || undefined,
    gatewayToken: env.NOTIFY_GATEWAY_TOKEN || undefined,
    dispatchIntervalSeconds: positiveInt(env, 'NOTIFY_DISPATCH_SECONDS', 5),
    maxAttempts: positiveInt(env, 'NOTIFY_MAX_ATTEMPTS', 8),
    outboxRetentionDays: positiveInt(env, 'NOTIFY_OUTBOX_RETENTION_DAYS', 30),
    retentionDays: positiveInt(env, 'NOTIFY_RETENTION_DAYS', 180),
  };
}

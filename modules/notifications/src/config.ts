import type { ChannelConfig } from './channels.ts';

export interface NotificationConfig extends ChannelConfig {
  /** Seconds between dispatcher runs. */
  dispatchIntervalSeconds: number;
  /** Attempts before an event or a channel delivery is parked as dead. */
  maxAttempts: number;
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return n;
}

/** NOTIFY_CHANNELS (default "log"), NOTIFY_SMS_GATEWAY_URL, NOTIFY_WECHAT_GATEWAY_URL, NOTIFY_GATEWAY_TOKEN, NOTIFY_DISPATCH_SECONDS, NOTIFY_MAX_ATTEMPTS. */
export function loadNotificationConfig(env: NodeJS.ProcessEnv = process.env): NotificationConfig {
  const channels = (env.NOTIFY_CHANNELS ?? 'log')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  return {
    channels,
    smsGatewayUrl: env.NOTIFY_SMS_GATEWAY_URL || undefined,
    wechatGatewayUrl: env.NOTIFY_WECHAT_GATEWAY_URL || undefined,
    gatewayToken: env.NOTIFY_GATEWAY_TOKEN || undefined,
    dispatchIntervalSeconds: positiveInt(env, 'NOTIFY_DISPATCH_SECONDS', 5),
    maxAttempts: positiveInt(env, 'NOTIFY_MAX_ATTEMPTS', 8),
  };
}

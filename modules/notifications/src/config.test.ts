import { describe, expect, it } from 'vitest';
import { createChannels } from './channels.ts';
import { loadNotificationConfig } from './config.ts';

describe('loadNotificationConfig', () => {
  it('defaults to the log channel every 5 seconds with 8 attempts, keeping delivered events 30 days and read messages 180', () => {
    expect(loadNotificationConfig({})).toMatchObject({
      channels: ['log'],
      dispatchIntervalSeconds: 5,
      maxAttempts: 8,
      outboxRetentionDays: 30,
      retentionDays: 180,
    });
    expect(loadNotificationConfig({ NOTIFY_RETENTION_DAYS: '365' }).retentionDays).toBe(365);
  });

  it('selects the gateway channels by name and builds them', () => {
    const config = loadNotificationConfig({
      NOTIFY_CHANNELS: 'sms, wechat',
      NOTIFY_SMS_GATEWAY_URL: 'http://127.0.0.1:9/sms',
      NOTIFY_WECHAT_GATEWAY_URL: 'http://127.0.0.1:9/wechat',
    });
    expect(createChannels(config, { info: () => {} }).map((c) => c.name)).toEqual(['sms', 'wechat']);
  });

  it('refuses an unknown channel, a gateway channel without its URL and a bad number', () => {
    expect(() => loadNotificationConfig({ NOTIFY_CHANNELS: 'fax' })).toThrow('unknown channel "fax"');
    expect(() => loadNotificationConfig({ NOTIFY_CHANNELS: 'sms' })).toThrow('NOTIFY_SMS_GATEWAY_URL is not set');
    expect(() => loadNotificationConfig({ NOTIFY_MAX_ATTEMPTS: '0' })).toThrow('NOTIFY_MAX_ATTEMPTS must be a positive integer');
  });
});

import { describe, expect, it } from 'vitest';
import { gatewayChannel, logChannel } from './channels.ts';

const message = {
  tenantId: '370785',
  notificationId: 'n1',
  recipientId: 'a1',
  title: '诉求进展',
  body: '您的诉求 2026-000001 已受理。',
  link: '/m/demands/d1',
};

describe('channels', () => {
  it('a gateway channel POSTs the message as JSON with the token, and a non-2xx answer is a failure to retry', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    let status = 200;
    const fetch = (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response(null, { status });
    }) as unknown as typeof globalThis.fetch;
    const sms = gatewayChannel('sms', 'http://gateway.test/sms', { token: 'secret', fetch });
    await sms.send(message);
    expect(calls[0]!.url).toBe('http://gateway.test/sms');
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual(message);
    expect((calls[0]!.init.headers as Record<string, string>).authorization).toBe('Bearer secret');
    status = 503;
    await expect(sms.send(message)).rejects.toThrow('sms gateway answered 503');
  });

  it('an SMS gateway also takes texts to callers, with the phone; a gateway without texts has none', async () => {
    const bodies: unknown[] = [];
    const fetch = (async (_url: string, init: RequestInit) => {
      bodies.push(JSON.parse(String(init.body)));
      return new Response(null, { status: 202 });
    }) as unknown as typeof globalThis.fetch;
    const text = {
      tenantId: '370785',
      textId: 't1',
      demandId: 'd1',
      phone: '13812345678',
      body: '您反映的诉求（编号 2026-000001）已受理，我们将按时办理。',
    };
    await gatewayChannel('sms', 'http://gateway.test/sms', { fetch, texts: true }).sendText!(text);
    expect(bodies).toEqual([{ kind: 'caller_text', ...text }]);
    expect(gatewayChannel('wechat', 'http://gateway.test/wechat', { fetch }).sendText).toBeUndefined();
  });

  it('the log channel writes a text to a caller with the phone masked', async () => {
    const lines: { phone?: string }[] = [];
    const log = logChannel({ info: (obj) => lines.push(obj) });
    await log.sendText!({ tenantId: '370785', textId: 't1', demandId: 'd1', phone: '13812345678', body: '已受理' });
    expect(lines[0]!.phone).toBe('138****5678');
    expect(JSON.stringify(lines)).not.toContain('13812345678');
  });

  it('the log channel writes the message to the log', async () => {
    const lines: object[] = [];
    await logChannel({ info: (obj) => lines.push(obj) }).send(message);
    expect(lines).toEqual([{ channel: 'log', ...message }]);
  });
});

import { maskPhone } from '@linli/core';

/**
 * External channels a notification is also sent through, besides the in-app inbox. A channel
 * gets the message and the recipient's account id; the address book (phone, WeChat openid) belongs
 * to the gateway behind it. The one exception is a text to a phone-only caller (a 12345 caller
 * without an account): there is no account to look up, so the channel gets the phone itself,
 * decrypted from the demand at send time (and that read is audited by the sender).
 */
export interface OutgoingMessage {
  tenantId: string;
  notificationId: string;
  recipientId: string;
  title: string;
  body: string;
  link: string | null;
}

/** A text to a phone-only caller about their demand. */
export interface CallerText {
  tenantId: string;
  textId: string;
  demandId: string;
  phone: string;
  body: string;
}

export interface Channel {
  /** Stored with each delivery: lower-case letters, digits, underscore. */
  readonly name: string;
  /** Resolves when the message was handed over; throws to have it retried. */
  send(message: OutgoingMessage): Promise<void>;
  /** Channels that can reach a phone number (SMS, and the log in development) text phone-only callers. */
  sendText?(text: CallerText): Promise<void>;
}

export interface ChannelLogger {
  info(obj: object, msg?: string): void;
}

/** Development channel: writes each message to the log instead of sending it. The default. */
export function logChannel(logger: ChannelLogger): Channel {
  return {
    name: 'log',
    async send(message) {
      logger.info({ channel: 'log', ...message }, `notification to ${message.recipientId}: ${message.title}`);
    },
    // The log is no place for personal data: it shows the phone masked.
    async sendText(text) {
      const phone = maskPhone(text.phone);
      logger.info({ channel: 'log', ...text, phone }, `text to caller ${phone}: ${text.body}`);
    },
  };
}

/**
 * A channel that POSTs the message as JSON to a gateway (an SMS provider's adapter, a WeChat
 * template-message relay). Any non-2xx answer or a timeout is a failure and is retried.
 */
export function gatewayChannel(
  name: string,
  url: string,
  options: { token?: string; timeoutMs?: number; fetch?: typeof fetch; texts?: boolean } = {},
): Channel {
  const doFetch = options.fetch ?? fetch;
  const post = async (body: object) => {
    const res = await doFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    if (!res.ok) throw new Error(`${name} gateway answered ${res.status}`);
  };
  const channel: Channel = { name, send: (message) => post(message) };
  // An SMS gateway also takes texts to callers: {kind: 'caller_text', phone, body, …}.
  if (options.texts) channel.sendText = (text) => post({ kind: 'caller_text', ...text });
  return channel;
}

export interface ChannelConfig {
  /** Channel names, e.g. ['log'] (default) or ['sms', 'wechat']. */
  channels: string[];
  smsGatewayUrl?: string;
  wechatGatewayUrl?: string;
  gatewayToken?: string;
}

/** The configured channels; an unknown name or a gateway channel without its URL stops start-up. */
export function createChannels(config: ChannelConfig, logger: ChannelLogger): Channel[] {
  return config.channels.map((name) => {
    switch (name) {
      case 'log':
        return logChannel(logger);
      case 'sms':
        if (!config.smsGatewayUrl) throw new Error('NOTIFY_CHANNELS has sms but NOTIFY_SMS_GATEWAY_URL is not set');
        return gatewayChannel('sms', config.smsGatewayUrl, { token: config.gatewayToken, texts: true });
      case 'wechat':
        if (!config.wechatGatewayUrl) throw new Error('NOTIFY_CHANNELS has wechat but NOTIFY_WECHAT_GATEWAY_URL is not set');
        return gatewayChannel('wechat', config.wechatGatewayUrl, { token: config.gatewayToken });
      default:
        throw new Error(`NOTIFY_CHANNELS: unknown channel "${name}" (known: log, sms, wechat)`);
    }
  });
}

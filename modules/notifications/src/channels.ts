/**
 * External channels a notification is also sent through, besides the in-app inbox. A channel
 * gets the message and the recipient's account id; the address book (phone, WeChat openid) belongs
 * to the gateway behind it, so no personal data leaves through this module.
 */
export interface OutgoingMessage {
  tenantId: string;
  notificationId: string;
  recipientId: string;
  title: string;
  body: string;
  link: string | null;
}

export interface Channel {
  /** Stored with each delivery: lower-case letters, digits, underscore. */
  readonly name: string;
  /** Resolves when the message was handed over; throws to have it retried. */
  send(message: OutgoingMessage): Promise<void>;
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
  };
}

/**
 * A channel that POSTs the message as JSON to a gateway (an SMS provider's adapter, a WeChat
 * template-message relay). Any non-2xx answer or a timeout is a failure and is retried.
 */
export function gatewayChannel(
  name: string,
  url: string,
  options: { token?: string; timeoutMs?: number; fetch?: typeof fetch } = {},
): Channel {
  const doFetch = options.fetch ?? fetch;
  return {
    name,
    async send(message) {
      const res = await doFetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
        body: JSON.stringify(message),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      if (!res.ok) throw new Error(`${name} gateway answered ${res.status}`);
    },
  };
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
        return gatewayChannel('sms', config.smsGatewayUrl, { token: config.gatewayToken });
      case 'wechat':
        if (!config.wechatGatewayUrl) throw new Error('NOTIFY_CHANNELS has wechat but NOTIFY_WECHAT_GATEWAY_URL is not set');
        return gatewayChannel('wechat', config.wechatGatewayUrl, { token: config.gatewayToken });
      default:
        throw new Error(`NOTIFY_CHANNELS: unknown channel "${name}" (known: log, sms, wechat)`);
    }
  });
}

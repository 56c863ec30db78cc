import type { CallerText, Channel, OutgoingMessage } from './channels.ts';

/** A channel that records what it was given (texts to callers too), and fails the first `failures` sends of either kind. */
export function recordingChannel(
  name = 'sms',
  failures = 0,
): Channel & { sent: OutgoingMessage[]; texts: CallerText[]; calls: number; sendText(text: CallerText): Promise<void> } {
  let left = failures;
  const channel = {
    name,
    sent: [] as OutgoingMessage[],
    texts: [] as CallerText[],
    calls: 0,
    async sendText(text: CallerText) {
      channel.calls += 1;
      if (left > 0) {
        left -= 1;
        throw new Error(`${name} gateway unavailable`);
      }
      channel.texts.push(text);
    },
    async send(message: OutgoingMessage) {
      channel.calls += 1;
      if (left > 0) {
        left -= 1;
        throw new Error(`${name} gateway unavailable`);
      }
      channel.sent.push(message);
    },
  };
  return channel;
}

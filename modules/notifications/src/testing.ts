import type { Channel, OutgoingMessage } from './channels.ts';

/** A channel that records what it was given, and fails the first `failures` sends. */
export function recordingChannel(name = 'sms', failures = 0): Channel & { sent: OutgoingMessage[]; calls: number } {
  let left = failures;
  const channel = {
    name,
    sent: [] as OutgoingMessage[],
    calls: 0,
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

/** Outcome of one batch of channel sends. */
export interface SendResult {
  sent: number;
  failed: number;
  dead: number;
}

/** Attempts before an event, a delivery or a text is parked as dead. */
export const DEFAULT_MAX_ATTEMPTS = 8;

/** Wait before attempt n + 1: 10 s, 20 s, 40 s … at most one hour. */
export function backoffMs(attempts: number): number {
  return Math.min(10_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

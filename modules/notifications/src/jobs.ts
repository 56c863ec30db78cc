import type { IntervalJob } from '@linli/core/scheduler';
import type { Db } from '@linli/db';
import { type ChannelLogger, createChannels } from './channels.ts';
import type { NotificationConfig } from './config.ts';
import { dispatcherJob } from './dispatcher.ts';

/** The module's background jobs for the server's scheduler, from its configuration. */
export function notificationJobs(db: Db, config: NotificationConfig, logger: ChannelLogger): IntervalJob[] {
  const channels = createChannels(config, logger);
  return [dispatcherJob(db, channels, config.dispatchIntervalSeconds * 1000, { maxAttempts: config.maxAttempts })];
}

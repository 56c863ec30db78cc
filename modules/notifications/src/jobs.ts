import type { PersonalDataCipher } from '@linli/core';
import type { IntervalJob } from '@linli/core/scheduler';
import type { Db } from '@linli/db';
import { type ChannelLogger, createChannels } from './channels.ts';
import type { NotificationConfig } from './config.ts';
import { dispatcherJob } from './dispatcher.ts';
import { retentionJob } from './retention.ts';

/** The module's background jobs for the server's scheduler, from its configuration; the cipher reads a caller's phone to text them. */
export function notificationJobs(db: Db, config: NotificationConfig, logger: ChannelLogger, cipher: PersonalDataCipher): IntervalJob[] {
  const channels = createChannels(config, logger);
  return [
    dispatcherJob(db, channels, config.dispatchIntervalSeconds * 1000, { maxAttempts: config.maxAttempts, cipher }),
    retentionJob(db, { outboxDays: config.outboxRetentionDays, messageDays: config.retentionDays }),
  ];
}

export { type CallerText, type Channel, createChannels, gatewayChannel, logChannel, type OutgoingMessage } from './channels.ts';
export { loadNotificationConfig, type NotificationConfig } from './config.ts';
export * from './contract.ts';
export { dispatchOutbox, sendDeliveries } from './dispatcher.ts';
export { notificationJobs } from './jobs.ts';
export { notificationsModule } from './module.ts';
export { notifications } from './reads.ts';
export { sendCallerTexts } from './send-caller-texts.ts';

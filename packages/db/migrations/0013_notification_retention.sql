-- Retention of delivered messages (the notifications module's retention job): published outbox
-- events after NOTIFY_OUTBOX_RETENTION_DAYS, read notifications and sent texts after
-- NOTIFY_RETENTION_DAYS. These indexes let the job find them without scanning the tables; an
-- event's row enters its index only when it is published, so intake does not pay for it.
CREATE INDEX outbox_event_published ON outbox_event (published_at) WHERE published_at IS NOT NULL;
CREATE INDEX notification_read ON notification (read_at) WHERE read_at IS NOT NULL;
CREATE INDEX caller_text_sent ON caller_text (sent_at) WHERE status = 'sent';

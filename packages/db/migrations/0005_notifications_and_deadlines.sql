-- Tenant working-day calendars, deadline reminders and overdue flags, and notifications delivered
-- from the outbox (in-app always; SMS / WeChat channels with retries).

-- A tenant's overrides of the national calendar (packages/core/src/calendar.ts): a day off or an
-- extra working day, with its name (e.g. a local holiday, or a 调休 day of a year not built in).
CREATE TABLE tenant_calendar_day (
  tenant_id   text NOT NULL REFERENCES tenant (tenant_id),
  day         date NOT NULL,
  workday     boolean NOT NULL,
  name        text NOT NULL DEFAULT '' CHECK (length(name) <= 40),
  updated_by  uuid REFERENCES account (id),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, day)
);

-- What the deadline job has done for one deadline of a demand: a reminder before it, the overdue
-- flag after it. The key (demand, deadline kind, due time, stage) makes each happen exactly once
-- per due time, even with several job runners: the claim is INSERT … ON CONFLICT DO NOTHING. A
-- moved deadline (extension approved, reopened) has a new due time, so it is reminded again.
CREATE TABLE demand_deadline_notice (
  tenant_id   text NOT NULL REFERENCES tenant (tenant_id),
  demand_id   uuid NOT NULL,
  deadline    text NOT NULL CHECK (deadline IN ('response', 'resolve')),
  due_at      timestamptz NOT NULL,
  stage       text NOT NULL CHECK (stage IN ('reminder', 'overdue')),
  at          timestamptz NOT NULL DEFAULT now(),
  -- Overdue at its level and escalated automatically (tenant.settings.demands.autoEscalate).
  escalated   boolean NOT NULL DEFAULT false,
  PRIMARY KEY (tenant_id, demand_id, deadline, due_at, stage),
  FOREIGN KEY (tenant_id, demand_id) REFERENCES demand (tenant_id, id)
);
CREATE INDEX demand_deadline_notice_overdue ON demand_deadline_notice (tenant_id, demand_id) WHERE stage = 'overdue';

-- Outbox delivery state: a failing event is retried at next_attempt_at (backoff) and parked with
-- dead_at after the last attempt; it is never deleted.
ALTER TABLE outbox_event ADD COLUMN next_attempt_at timestamptz, ADD COLUMN dead_at timestamptz;
CREATE INDEX outbox_event_undelivered ON outbox_event (created_at) WHERE published_at IS NULL AND dead_at IS NULL;

-- In-app notifications, one per event and recipient (the unique key makes delivery idempotent).
-- Title and body are stored in zh-CN; message_key + params let the web app show en-US.
CREATE TABLE notification (
  tenant_id     text NOT NULL REFERENCES tenant (tenant_id),
  id            uuid NOT NULL,
  recipient_id  uuid NOT NULL REFERENCES account (id),
  event_id      uuid NOT NULL,
  event_type    text NOT NULL,
  message_key   text NOT NULL,
  params        jsonb NOT NULL DEFAULT '{}',
  title         text NOT NULL,
  body          text NOT NULL,
  link          text,
  demand_id     uuid,
  created_at    timestamptz NOT NULL DEFAULT now(),
  read_at       timestamptz,
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX notification_once ON notification (tenant_id, event_id, recipient_id);
CREATE INDEX notification_inbox ON notification (tenant_id, recipient_id, id DESC);
CREATE INDEX notification_unread ON notification (tenant_id, recipient_id) WHERE read_at IS NULL;

-- Sending a notification through an external channel (sms, wechat, log): retried with backoff,
-- 'dead' after the last attempt.
CREATE TABLE notification_delivery (
  tenant_id        text NOT NULL REFERENCES tenant (tenant_id),
  notification_id  uuid NOT NULL,
  channel          text NOT NULL CHECK (channel ~ '^[a-z][a-z0-9_]{0,19}$'),
  status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'dead')),
  attempts         integer NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL DEFAULT now(),
  last_error       text,
  sent_at          timestamptz,
  PRIMARY KEY (tenant_id, notification_id, channel),
  FOREIGN KEY (tenant_id, notification_id) REFERENCES notification (tenant_id, id)
);
CREATE INDEX notification_delivery_due ON notification_delivery (next_attempt_at) WHERE status = 'pending';

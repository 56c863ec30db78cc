-- Text messages to phone-only callers (a 12345 caller without an account hears of acceptance,
-- rejection, resolution and merging by SMS, as the hotline promises). One row per event and channel,
-- so a repeated delivery of the event adds nothing. The phone is not copied here: the sender decrypts
-- it from the demand at send time, and that read of personal data is audited.
CREATE TABLE caller_text (
  tenant_id        text NOT NULL REFERENCES tenant (tenant_id),
  id               uuid NOT NULL,
  event_id         uuid NOT NULL,
  event_type       text NOT NULL,
  demand_id        uuid NOT NULL,
  channel          text NOT NULL CHECK (channel ~ '^[a-z][a-z0-9_]{0,19}$'),
  body             text NOT NULL,
  status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'dead')),
  attempts         integer NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL DEFAULT now(),
  last_error       text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  sent_at          timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, demand_id) REFERENCES demand (tenant_id, id)
);
CREATE UNIQUE INDEX caller_text_once ON caller_text (tenant_id, event_id, channel);
CREATE INDEX caller_text_due ON caller_text (next_attempt_at) WHERE status = 'pending';
CREATE INDEX caller_text_demand ON caller_text (tenant_id, demand_id);

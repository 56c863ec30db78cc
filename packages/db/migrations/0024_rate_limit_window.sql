-- Rate limits shared by several server processes on one PostgreSQL database: one row per limited
-- key (client address, route and address, or login user name) and its current fixed window. The
-- server counts a request with one INSERT … ON CONFLICT DO UPDATE and removes expired windows now
-- and then (a scan of a table as small as the number of active keys; no index, so counting stays
-- a HOT update). UNLOGGED: a counter needs no WAL and no fsync per request; after a crash the table is
-- empty, which only gives every client a fresh window. Embedded PGlite (one process) counts in
-- memory and leaves this table empty.
CREATE UNLOGGED TABLE rate_limit_window (
  key text PRIMARY KEY,
  hits integer NOT NULL,
  expires_at timestamptz NOT NULL
);
COMMENT ON TABLE rate_limit_window IS 'scope: global';

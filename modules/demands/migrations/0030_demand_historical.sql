-- Imported history: a work order whose deadline had already passed when it was imported. It counts
-- in the KPIs as it was (overdue stays overdue in the figures), but the deadline job sends it no
-- reminders or overdue notices and does not escalate it: importing a year of old open orders must
-- not flood the people responsible with notices about the past.
ALTER TABLE demand ADD COLUMN historical boolean NOT NULL DEFAULT false;

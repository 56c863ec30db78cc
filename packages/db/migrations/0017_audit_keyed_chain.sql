-- The audit chain keyed with HMAC-SHA-256. Until now each record's hash was SHA-256 of the previous
-- hash and the record, which anyone with write access to the database can recompute after changing
-- a record. From each tenant's next record on, the hash is HMAC-SHA-256 under a key derived from the
-- master key (kept outside the database, like the personal-data key). Records already written keep
-- their unkeyed hash and still verify: keyed_from is the first sequence number of the keyed part of
-- the chain (1 for a tenant created from now on). Signed checkpoints of the chain head, written
-- outside the database, record keyed_from too, so moving it back to pass a recomputed unkeyed chain
-- off as genuine does not match them.
ALTER TABLE audit_head ADD COLUMN keyed_from bigint NOT NULL DEFAULT 1;
UPDATE audit_head SET keyed_from = seq + 1;

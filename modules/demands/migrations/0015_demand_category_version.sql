-- Optimistic locking of demand categories (诉求类别与时限): two staff editing the same category — its
-- name, default level and unit, deadline rules, or whether it is active — must not silently overwrite
-- each other. Every write of a category row (CategoryRepository.update, and the Open311 attributes)
-- adds one; PATCH /demand-categories/:id carries the version it read and a stale one is 409 with the
-- current version. Replaces the interim use of the row's xmin, which is not stable across a dump and
-- restore or a move of shards between Citus workers.
ALTER TABLE demand_category ADD COLUMN version integer NOT NULL DEFAULT 1;

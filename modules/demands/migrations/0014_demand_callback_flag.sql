-- The 待回访 (to call back) tab of the staff inbox (DemandRepository.list and count, tab
-- 'to_callback'): resolved or evaluated demands that have no callback yet.
--
-- It was `status IN ('resolved', 'evaluated') AND NOT EXISTS (a demand_callback row)`. Nearly every
-- resolved demand is called back, so the resolved/evaluated demands of the caller's area (read
-- through the 0010 indexes over unfinished demands) were mostly rejected one by one by the
-- anti-join after a probe of demand_callback each.
--
-- Measured on 1,000,000 generated demands (bench/generate-demands.ts, bench/explain-inbox.ts --tab
-- to_callback, list + capped count, 20–50 rounds): the subdistrict official (朝阳街道, 4,563
-- resolved/evaluated demands, 1,212 to call back) p50 88.6 ms / p95 143.3 ms before (an earlier run had
-- reported p95 349 ms), p50 7.2 ms / p95 9.6 ms after; the community worker p95 23.6 → 8.5 ms. The
-- count went from a parallel bitmap scan of all 14,003 resolved/evaluated demands of the tenant
-- plus 4,563 probes of demand_callback (59 ms) to a BitmapOr of the three indexes below (3.6 ms).
-- This migration itself took 141 s there (the backfill rewrites the 916,938 called-back demands,
-- with the table locked by the ALTER); until (auto)vacuum clears the rows it left behind, the new
-- indexes also hold their old versions (subdistrict p95 17.8 ms in between).
--
-- demand.callback_at is the time of the demand's first callback, NULL while it has none. Any
-- callback counts, reached or not, as the NOT EXISTS did: the tab keeps its meaning. The trigger
-- below sets it in the statement that inserts the callback, for every writer (the record-callback
-- command, tests); callbacks are history and are never deleted. The bulk generator
-- (testing-scale.ts) writes it with the demand instead, so the trigger finds it set and writes
-- nothing (updating each called-back demand again made its callback insert 51 s instead of 9 s
-- for 200,000 demands).
--
-- The tab reads the three visibility paths (visibleTo: place, first receiver, handling unit) over
-- exactly the demands still to be called back, through a BitmapOr of these partial indexes, like
-- 0010; the query spells the same predicate (status IN ('resolved', 'evaluated') AND callback_at
-- IS NULL) so the planner matches it. GiST over uuid-built paths needs no tenant column (see 0010).
ALTER TABLE demand ADD COLUMN callback_at timestamptz;

UPDATE demand d SET callback_at = c.first_at
FROM (SELECT tenant_id, demand_id, min(at) AS first_at FROM demand_callback GROUP BY tenant_id, demand_id) c
WHERE d.tenant_id = c.tenant_id AND d.id = c.demand_id;

CREATE FUNCTION demand_callback_first() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE demand SET callback_at = NEW.at
  WHERE tenant_id = NEW.tenant_id AND id = NEW.demand_id AND (callback_at IS NULL OR callback_at > NEW.at);
  RETURN NULL;
END;
$$;

CREATE TRIGGER demand_callback_first AFTER INSERT ON demand_callback
  FOR EACH ROW EXECUTE FUNCTION demand_callback_first();

CREATE INDEX demand_to_callback_node_path ON demand USING gist (node_path)
  WHERE status IN ('resolved', 'evaluated') AND callback_at IS NULL;
CREATE INDEX demand_to_callback_first_receiver_path ON demand USING gist (first_receiver_path)
  WHERE status IN ('resolved', 'evaluated') AND callback_at IS NULL;
CREATE INDEX demand_to_callback_handling_path ON demand USING gist (handling_path)
  WHERE status IN ('resolved', 'evaluated') AND callback_at IS NULL;

-- The staff inbox on a large history (GET /api/v1/demands, DemandRepository.list and count).
--
-- Measured on 1,000,000 demands (bench/explain-inbox.ts): the work tabs (to accept, to dispatch, in
-- progress, due soon, overdue, to call back) only ever show demands that are not finished, about 2 %
-- of the table, but found them through the whole-table path indexes (every demand ever submitted in
-- the caller's area) or a scan by submission time; the overdue and due-soon tabs took 0.5–5 s.
--
-- Visibility is three path conditions OR-ed (place, first receiver, handling unit; visibleTo). Each
-- gets an index over the unfinished demands only, so a tab reads the few hundred unfinished demands
-- of the caller's area through a BitmapOr and sorts them. Paths are built from node ids (uuids) and
-- unique across tenants, so these GiST indexes, like the whole-table ones of 0003 and 0008, need no
-- tenant column (btree_gist is not installed); every btree index keeps tenant_id first (Citus).
CREATE INDEX demand_unfinished_node_path ON demand USING gist (node_path)
  WHERE status IN ('submitted', 'accepted', 'returned', 'dispatched', 'in_progress', 'resolved', 'evaluated');
CREATE INDEX demand_unfinished_first_receiver_path ON demand USING gist (first_receiver_path)
  WHERE status IN ('submitted', 'accepted', 'returned', 'dispatched', 'in_progress', 'resolved', 'evaluated');
CREATE INDEX demand_unfinished_handling_path ON demand USING gist (handling_path)
  WHERE status IN ('submitted', 'accepted', 'returned', 'dispatched', 'in_progress', 'resolved', 'evaluated');

-- The current deadline (the response deadline before acceptance, then the resolution deadline) of
-- demands still to be handled: the overdue and due-soon tabs are a range of it. The expression is
-- CURRENT_DUE of demand.repository.ts, written the same way so the planner matches it.
CREATE INDEX demand_current_due ON demand (tenant_id, (CASE WHEN status = 'submitted' THEN response_due_at
  WHEN status IN ('accepted', 'returned', 'dispatched', 'in_progress') THEN resolve_due_at END))
  WHERE status IN ('submitted', 'accepted', 'returned', 'dispatched', 'in_progress');

-- The unfiltered inbox's total is capped (TOTAL_CAP, "2000+"): the monthly rollup tells whether the
-- caller's area holds more than that from a few hundred rows instead of counting thousands of
-- demands; a subtree of places is a range of this index (DemandRepository.placedAtLeast).
CREATE INDEX demand_kpi_month_place ON demand_kpi_month (tenant_id, place_path);

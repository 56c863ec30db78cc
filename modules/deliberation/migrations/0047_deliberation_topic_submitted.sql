-- The topic pool board (GET /deliberation/topics) opens newest first without a status filter. With
-- only the status index (tenant_id, status, submitted_at …) and the whole-table GiST on node_path,
-- its first page at county scope read every topic of the table (all tenants), joined each to its
-- place and sorted them all: 80–150 ms p50 at 20,000 topics (bench/deliberation.ts). Walking this
-- index in order stops after the page (1.4 ms on PostgreSQL); a level filter walks it too.
CREATE INDEX deliberation_topic_submitted ON deliberation_topic (tenant_id, submitted_at DESC, id DESC);

-- Deadline rules per demand type as well as per category and urgency: 12345 practice answers an
-- enquiry (咨询) within a working day but gives a complaint (投诉) several to be resolved.
-- demand_type 'any' is the rule for every type (all rules so far). For a demand, a rule of its own
-- type wins over 'any' rules wherever they sit on the category path (a county-wide "enquiries: one
-- working day" on a top category applies to all its sub-categories); among rules of the same kind
-- the nearest category wins, as before.
ALTER TABLE demand_deadline_rule
  ADD COLUMN demand_type text NOT NULL DEFAULT 'any'
  CHECK (demand_type IN ('any', 'enquiry', 'help', 'complaint', 'suggestion', 'report', 'praise'));
ALTER TABLE demand_deadline_rule DROP CONSTRAINT demand_deadline_rule_pkey;
ALTER TABLE demand_deadline_rule ADD PRIMARY KEY (tenant_id, category_id, urgency, demand_type);

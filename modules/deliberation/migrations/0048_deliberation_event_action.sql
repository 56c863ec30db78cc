-- The deliberation KPIs count the topics screened and deliberated in a period from the timeline:
-- read by action and time, with the topic and state at hand (bench/deliberation.ts: the statement
-- read the period's 15,600 events of a 20,000-topic county in 19 ms instead of 20,000 lookups).
CREATE INDEX deliberation_topic_event_action ON deliberation_topic_event (tenant_id, action, at) INCLUDE (topic_id, to_status);

-- Topics and station scope overrides name a station (议事阵地, table of 0044): tie them to it.
ALTER TABLE deliberation_topic
  ADD FOREIGN KEY (tenant_id, station_id) REFERENCES deliberation_station (tenant_id, id);
ALTER TABLE deliberation_station_scope
  ADD FOREIGN KEY (tenant_id, station_id) REFERENCES deliberation_station (tenant_id, id) ON DELETE CASCADE;

-- Floor area (建筑面积, m²) of a household: the weight of an owner's vote under Civil Code Art. 278.
ALTER TABLE territory_node ADD COLUMN floor_area numeric(10, 2)
  CHECK (floor_area IS NULL OR (kind = 'household' AND floor_area > 0 AND floor_area < 100000));

-- Which demands the public may read (the notice board 公示栏 and Open311 GeoReport v2 list them
-- without sign-in): a demand is public when its category is public and the resident did not ask
-- for it to be seen by staff only.
--
-- demand_category.is_public: public by default. Categories about one person's or one family's
-- circumstances are not: 家庭矛盾 (family), 养老服务 and 居家养老 / 高龄补贴 (the care of one old
-- person), 政策咨询 and its 社保医保 / 户籍证照 / 低保救助 / 就业创业 (someone's insurance, papers,
-- assistance or job). 助餐服务 (the community canteen) stays public. Staff change the flag on the
-- category settings page (PATCH /demand-categories/:id { isPublic }).
--
-- demand.staff_only: the resident's choice on the mobile page (仅工作人员可见), or staff intake's
-- on behalf of a caller. Such a demand is handled like any other; it is never published.
ALTER TABLE demand_category ADD COLUMN is_public boolean NOT NULL DEFAULT true;
ALTER TABLE demand ADD COLUMN staff_only boolean NOT NULL DEFAULT false;

CREATE FUNCTION demand_private_category_codes() RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT ARRAY['family', 'elderly', 'home_care', 'elderly_allowance', 'policy', 'social_insurance',
               'household_registration', 'social_assistance', 'employment']
$$;

UPDATE demand_category SET is_public = false WHERE code = ANY (demand_private_category_codes());

-- A new county gets the default taxonomy (0003) with the same defaults.
CREATE OR REPLACE FUNCTION seed_demand_defaults_for_new_tenant() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM seed_demand_defaults(NEW.tenant_id);
  UPDATE demand_category SET is_public = false
  WHERE tenant_id = NEW.tenant_id AND code = ANY (demand_private_category_codes());
  RETURN NEW;
END;
$$;

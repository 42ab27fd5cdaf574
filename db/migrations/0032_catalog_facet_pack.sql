CREATE TABLE "catalog_facet_slots" (
	"slot" integer PRIMARY KEY NOT NULL,
	"facet" text NOT NULL,
	"code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_totals" (
	"expires_on" date PRIMARY KEY NOT NULL,
	"entries" integer NOT NULL,
	"unpacked" integer NOT NULL,
	"pack" numeric NOT NULL
);
--> statement-breakpoint
ALTER TABLE "catalog_entries" ADD COLUMN "facet_pack" numeric;--> statement-breakpoint
ALTER TABLE "open_data_version" ADD COLUMN "epoch" text DEFAULT gen_random_uuid()::text NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_facet_slots_facet_code_index" ON "catalog_facet_slots" USING btree ("facet","code");--> statement-breakpoint
-- An entry's facet values as one number: a 1 in the five digits of each value's slot (a value
-- counts once per entry). The sum of the packs of the entries a search matches holds every facet
-- count in its digits, so the counts take one aggregate over the matches instead of a row per
-- value (src/potentials/facets.ts).
CREATE FUNCTION sinergi_catalog_facet_pack(direction text, model text, province text, affairs text[], issues text[], kinds text[])
RETURNS numeric LANGUAGE sql STABLE AS $$
  -- null when a value has no slot yet: the entry cannot be counted this way (the facets count one by one)
  SELECT CASE WHEN bool_and(s.slot IS NOT NULL) THEN coalesce(sum(('1' || repeat('0', 5 * s.slot))::numeric), 0) END
  FROM (
    SELECT 'direction' AS facet, direction AS code
    UNION SELECT 'model', model
    UNION SELECT 'province', province
    UNION SELECT 'affairs', unnest(affairs)
    UNION SELECT 'issues', unnest(issues)
    UNION SELECT 'kinds', unnest(kinds)
  ) v
  LEFT JOIN catalog_facet_slots s ON s.facet = v.facet AND s.code = v.code
  WHERE v.code IS NOT NULL
$$;
--> statement-breakpoint
-- Gives every facet value that has none a slot after the last, and repacks the entries only if one
-- was added: slots are never renumbered, so the packs already stored keep their meaning. Run by
-- this migration and by every reference data load (db/seed/reference.ts), which may add terms.
CREATE FUNCTION sinergi_catalog_facet_slots_sync() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE added integer;
BEGIN
  LOCK TABLE catalog_facet_slots IN EXCLUSIVE MODE;
  INSERT INTO catalog_facet_slots (slot, facet, code)
  SELECT (SELECT coalesce(max(slot), -1) FROM catalog_facet_slots) + row_number() OVER (ORDER BY n.facet, n.ord, n.code), n.facet, n.code
  FROM (
    SELECT 'direction' AS facet, d AS code, 0 AS ord FROM unnest(ARRAY['offer', 'need']) d
    UNION ALL SELECT 'model', code, sort_order FROM vocabulary_terms WHERE vocabulary = 'cooperation-models'
    UNION ALL SELECT 'province', code, 0 FROM regions WHERE kind = 'provinsi'
    UNION ALL SELECT 'affairs', code, sort_order FROM vocabulary_terms WHERE vocabulary = 'affairs'
    UNION ALL SELECT 'issues', code, sort_order FROM vocabulary_terms WHERE vocabulary = 'strategic-issues'
    UNION ALL SELECT 'kinds', code, sort_order FROM vocabulary_terms WHERE vocabulary = 'cooperation-kinds'
  ) n
  WHERE NOT EXISTS (SELECT 1 FROM catalog_facet_slots s WHERE s.facet = n.facet AND s.code = n.code);
  GET DIAGNOSTICS added = ROW_COUNT;
  IF added > 0 THEN
    -- the totals lose the entries' packs as they are and gain them as they become; an insert still
    -- to be added to them at the commit adds its pack as it was, which the first step took away
    INSERT INTO catalog_totals AS t (expires_on, entries, unpacked, pack)
    SELECT expires_on, 0, -(count(*) - count(facet_pack)), -coalesce(sum(facet_pack), 0) FROM catalog_entries GROUP BY expires_on
    ON CONFLICT (expires_on) DO UPDATE SET unpacked = t.unpacked + excluded.unpacked, pack = t.pack + excluded.pack;
    UPDATE catalog_entries SET facet_pack = sinergi_catalog_facet_pack(direction::text, model, province_code, affairs, issues, cooperation_kinds);
    INSERT INTO catalog_totals AS t (expires_on, entries, unpacked, pack)
    SELECT expires_on, 0, count(*) - count(facet_pack), coalesce(sum(facet_pack), 0) FROM catalog_entries GROUP BY expires_on
    ON CONFLICT (expires_on) DO UPDATE SET unpacked = t.unpacked + excluded.unpacked, pack = t.pack + excluded.pack;
  END IF;
  RETURN added;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION sinergi_refresh_catalog_entry(potential_id text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM catalog_entries WHERE id = potential_id;
  INSERT INTO catalog_entries (id, region_code, province_code, direction, cooperation_kinds, affairs, issues, model, value_idr, expires_on, published_at, head_vector, search_vector, facet_pack)
  SELECT p.id, p.region_code, p.province_code, p.direction, p.cooperation_kinds, p.affairs, p.issues, p.model, p.value_idr, p.expires_on,
    coalesce(p.published_at, p.created_at),
    ts_filter(p.search_vector, '{a,b}'),
    p.search_vector,
    sinergi_catalog_facet_pack(p.direction::text, p.model, p.province_code, p.affairs, p.issues, p.cooperation_kinds)
  FROM potentials p
  WHERE p.id = potential_id AND p.status = 'published';
END
$$;
--> statement-breakpoint
INSERT INTO catalog_totals (expires_on, entries, unpacked, pack)
SELECT expires_on, count(*), count(*) - count(facet_pack), coalesce(sum(facet_pack), 0) FROM catalog_entries GROUP BY expires_on;
--> statement-breakpoint
-- Per row and deferred to the commit, as the open-data version (0023): the rows are locked last and
-- briefly, and a refresh's delete and insert of the same entry cancel out. An insert's NEW and a
-- delete's OLD are the row as it was then.
CREATE FUNCTION sinergi_catalog_totals_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO catalog_totals AS t (expires_on, entries, unpacked, pack)
    VALUES (NEW.expires_on, 1, (NEW.facet_pack IS NULL)::int, coalesce(NEW.facet_pack, 0))
    ON CONFLICT (expires_on) DO UPDATE
      SET entries = t.entries + 1, unpacked = t.unpacked + excluded.unpacked, pack = t.pack + excluded.pack;
  ELSE
    UPDATE catalog_totals
      SET entries = entries - 1, unpacked = unpacked - (OLD.facet_pack IS NULL)::int, pack = pack - coalesce(OLD.facet_pack, 0)
      WHERE expires_on = OLD.expires_on;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER catalog_entries_totals AFTER INSERT OR DELETE ON catalog_entries DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION sinergi_catalog_totals_changed();
--> statement-breakpoint
SELECT sinergi_catalog_facet_slots_sync();

CREATE TABLE "catalog_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"province_code" text NOT NULL,
	"direction" "direction" NOT NULL,
	"cooperation_kinds" text[] NOT NULL,
	"affairs" text[] NOT NULL,
	"issues" text[] NOT NULL,
	"model" text,
	"value_idr" bigint,
	"expires_on" date NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"head_vector" "tsvector" NOT NULL,
	"search_vector" "tsvector" NOT NULL
);
--> statement-breakpoint
DROP INDEX "potentials_search_gin";--> statement-breakpoint
CREATE INDEX "catalog_entries_newest_idx" ON "catalog_entries" USING btree ("published_at","id");--> statement-breakpoint
CREATE INDEX "catalog_entries_province_code_index" ON "catalog_entries" USING btree ("province_code");--> statement-breakpoint
CREATE INDEX "catalog_entries_region_code_index" ON "catalog_entries" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "catalog_entries_search_gin" ON "catalog_entries" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "catalog_entries_head_gin" ON "catalog_entries" USING gin ("head_vector");--> statement-breakpoint
CREATE INDEX "catalog_entries_affairs_gin" ON "catalog_entries" USING gin ("affairs");--> statement-breakpoint
CREATE INDEX "catalog_entries_issues_gin" ON "catalog_entries" USING gin ("issues");--> statement-breakpoint
CREATE INDEX "catalog_entries_kinds_gin" ON "catalog_entries" USING gin ("cooperation_kinds");--> statement-breakpoint
-- the head vector is the potential's own vector kept to its title (A) and activity (B) lexemes
CREATE FUNCTION sinergi_refresh_catalog_entry(potential_id text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM catalog_entries WHERE id = potential_id;
  INSERT INTO catalog_entries (id, region_code, province_code, direction, cooperation_kinds, affairs, issues, model, value_idr, expires_on, published_at, head_vector, search_vector)
  SELECT p.id, p.region_code, p.province_code, p.direction, p.cooperation_kinds, p.affairs, p.issues, p.model, p.value_idr, p.expires_on,
    coalesce(p.published_at, p.created_at),
    ts_filter(p.search_vector, '{a,b}'),
    p.search_vector
  FROM potentials p
  WHERE p.id = potential_id AND p.status = 'published';
END
$$;
--> statement-breakpoint
CREATE FUNCTION sinergi_catalog_entries_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM catalog_entries WHERE id = OLD.id;
  ELSE
    PERFORM sinergi_refresh_catalog_entry(NEW.id);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER potentials_catalog_entries AFTER INSERT OR UPDATE OR DELETE ON potentials FOR EACH ROW EXECUTE FUNCTION sinergi_catalog_entries_changed();
--> statement-breakpoint
SELECT sinergi_refresh_catalog_entry(id) FROM potentials WHERE status = 'published';
--> statement-breakpoint
-- Pages out of order cost about as much as in order on SSD-backed and cached storage (PostgreSQL's
-- documentation suggests 1.1); at the default 4 the planner reads the whole catalogue rather than
-- the few thousand rows a GIN index points to. New sessions of this database take it.
DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET random_page_cost = 1.1', current_database()); END $$;

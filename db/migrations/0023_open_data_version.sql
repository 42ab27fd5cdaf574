CREATE TABLE "open_data_version" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO "open_data_version" ("id", "version") VALUES (1, 0);
--> statement-breakpoint
-- Open data (the catalogue, tenants, regions) changed: cached answers of it are stale.
-- Per row, so a statement that changes nothing (a draft's catalogue refresh) invalidates nothing;
-- deferred to the commit, so the one version row is locked last and briefly (no deadlock with the
-- rows a transaction changes), and a reader never sees the new version before the new data.
CREATE FUNCTION sinergi_open_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE open_data_version SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER catalog_entries_open_data AFTER INSERT OR UPDATE OR DELETE ON catalog_entries DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION sinergi_open_data_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER tenants_open_data AFTER INSERT OR UPDATE OR DELETE ON tenants DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION sinergi_open_data_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER regions_open_data AFTER INSERT OR UPDATE OR DELETE ON regions DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION sinergi_open_data_changed();

CREATE TABLE "potential_targets" (
	"issue_mask" integer NOT NULL,
	"affair_mask" integer NOT NULL,
	"kinds" integer NOT NULL,
	"flags" smallint NOT NULL,
	"expires_on" date NOT NULL,
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"region_code" text NOT NULL
);
--> statement-breakpoint
-- The cooperation kinds in vocabulary order (src/reference/vocabularies.ts): a kind's bit is its position.
CREATE FUNCTION sinergi_kinds() RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ARRAY['KSDD', 'KSDPK', 'KSDPL', 'KSDLL', 'SINERGI']::text[]
$$;
--> statement-breakpoint
CREATE FUNCTION sinergi_refresh_potential_target(potential_id text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM potential_targets WHERE id = potential_id;
  INSERT INTO potential_targets (issue_mask, affair_mask, kinds, flags, expires_on, id, tenant_id, region_code)
  SELECT sinergi_code_mask(p.issues, sinergi_issues()), sinergi_code_mask(p.affairs, sinergi_affairs()), sinergi_code_mask(p.cooperation_kinds, sinergi_kinds()),
    (CASE p.direction WHEN 'offer' THEN 1 ELSE 0 END) + (CASE WHEN p.mandatory THEN 2 ELSE 0 END) + (CASE WHEN p.value_idr > 0 THEN 4 ELSE 0 END),
    p.expires_on, p.id, p.tenant_id, p.region_code
  FROM potentials p
  WHERE p.id = potential_id AND p.status = 'published';
END
$$;
--> statement-breakpoint
CREATE FUNCTION sinergi_potential_targets_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM potential_targets WHERE id = OLD.id;
  ELSE
    PERFORM sinergi_refresh_potential_target(NEW.id);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER potentials_potential_targets AFTER INSERT OR UPDATE OR DELETE ON potentials FOR EACH ROW EXECUTE FUNCTION sinergi_potential_targets_changed();
--> statement-breakpoint
SELECT sinergi_refresh_potential_target(id) FROM potentials WHERE status = 'published';

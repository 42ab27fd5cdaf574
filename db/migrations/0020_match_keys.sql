-- A candidate's codes under who can be matched through them: "r." a region's potential, or the
-- partner's kind; then "i." an issue or "a." an affair (src/candidates/matches.ts asks for the same keys).
CREATE FUNCTION sinergi_match_keys(side smallint, partner_kind text, issues text[], affairs text[]) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT array(
    SELECT (CASE WHEN side < 2 THEN 'r' ELSE partner_kind END) || '.' || k
    FROM (SELECT 'i.' || x AS k FROM unnest(issues) AS x UNION ALL SELECT 'a.' || x FROM unnest(affairs) AS x) AS codes)
$$;
--> statement-breakpoint
DROP INDEX "match_candidates_issues_gin";--> statement-breakpoint
DROP INDEX "match_candidates_affairs_gin";--> statement-breakpoint
ALTER TABLE "match_candidates" ADD COLUMN "keys" text[] GENERATED ALWAYS AS (sinergi_match_keys(side, partner_kind, issues, affairs)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "match_candidates_keys_gin" ON "match_candidates" USING gin ("keys") WITH (fastupdate=false);--> statement-breakpoint
-- GIN indexes that requests read: no pending list. With fastupdate, new entries wait in a list
-- every search scans until a vacuum merges it, and the embedded database never runs autovacuum
-- (a 20,000-row load made a 25-key lookup take 45 ms instead of 2). Writes here are rare.
DO $$
DECLARE i text;
BEGIN
  FOREACH i IN ARRAY ARRAY['catalog_entries_search_gin', 'catalog_entries_head_gin', 'catalog_entries_affairs_gin', 'catalog_entries_issues_gin', 'catalog_entries_kinds_gin', 'catalog_words_trgm', 'potentials_affairs_gin', 'potentials_issues_gin', 'potentials_kinds_gin', 'profiles_issues_gin', 'profiles_affairs_gin'] LOOP
    EXECUTE format('ALTER INDEX %I SET (fastupdate = false)', i);
    PERFORM gin_clean_pending_list(i::regclass);
  END LOOP;
END
$$;

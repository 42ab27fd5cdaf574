-- Matching a tsvector against a tsquery (`@@`) is far dearer than the planner's default cost of an
-- operator (one cpu_operator_cost): with it, a text search that a filter narrows ("wisata" among the
-- offers) reads and matches every catalogue entry instead of asking the GIN index, at twice the
-- time. Cost 10 tells the planner the truth. A role that may not alter a built-in function (a
-- managed database) keeps the default, and says so.
DO $$
BEGIN
  ALTER FUNCTION pg_catalog.ts_match_vq(tsvector, tsquery) COST 10;
  ALTER FUNCTION pg_catalog.ts_match_qv(tsquery, tsvector) COST 10;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'ts_match_vq keeps its default cost: this role may not alter a built-in function';
END
$$;

DROP INDEX "potentials_search_trgm";--> statement-breakpoint
ALTER TABLE "potentials" ADD COLUMN "search_text_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "potentials" drop column "search_vector";--> statement-breakpoint
ALTER TABLE "potentials" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('indonesian', coalesce(title, '')), 'A') || setweight(to_tsvector('indonesian', coalesce(activity, '')), 'B') || setweight(to_tsvector('indonesian', coalesce(problem, '') || ' ' || coalesce(potential, '') || ' ' || coalesce(target, '') || ' ' || coalesce(outcome, '')), 'C') || setweight(to_tsvector('indonesian', coalesce(search_text, '')), 'D') || setweight(to_tsvector('english', coalesce(search_text_en, '')), 'D')) STORED;--> statement-breakpoint
CREATE INDEX "potentials_search_gin" ON "potentials" USING gin ("search_vector");--> statement-breakpoint
-- the reference seeder rebuilds every potential's search text (place names, English labels)
-- and the typo fallback's word list when it next loads (its fingerprint includes the format)

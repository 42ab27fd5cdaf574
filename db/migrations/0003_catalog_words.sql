CREATE TABLE "catalog_words" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE INDEX "catalog_words_trgm" ON "catalog_words" USING gin ("word" gin_trgm_ops);
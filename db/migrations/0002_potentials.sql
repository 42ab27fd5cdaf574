CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TYPE "public"."direction" AS ENUM('offer', 'need');--> statement-breakpoint
CREATE TYPE "public"."horizon" AS ENUM('short', 'medium', 'long');--> statement-breakpoint
CREATE TYPE "public"."interest_status" AS ENUM('pending', 'accepted', 'declined');--> statement-breakpoint
CREATE TYPE "public"."potential_status" AS ENUM('draft', 'submitted', 'returned', 'prioritised', 'established', 'published', 'closed', 'archived');--> statement-breakpoint
CREATE TYPE "public"."round_status" AS ENUM('open', 'closed');--> statement-breakpoint
CREATE TABLE "districts" (
	"code" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interests" (
	"id" text PRIMARY KEY NOT NULL,
	"potential_id" text NOT NULL,
	"owner_tenant_id" text NOT NULL,
	"from_tenant_id" text NOT NULL,
	"from_user_id" text NOT NULL,
	"message" text NOT NULL,
	"status" "interest_status" DEFAULT 'pending' NOT NULL,
	"decision_note" text,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mapping_rounds" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"title" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"deadline" date NOT NULL,
	"status" "round_status" DEFAULT 'open' NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "potential_events" (
	"id" text PRIMARY KEY NOT NULL,
	"potential_id" text NOT NULL,
	"tenant_id" text NOT NULL,
	"action" text NOT NULL,
	"from_status" "potential_status",
	"to_status" "potential_status" NOT NULL,
	"reason" text,
	"data" jsonb NOT NULL,
	"actor_user_id" text,
	"request_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "potential_revisions" (
	"id" text PRIMARY KEY NOT NULL,
	"potential_id" text NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"actor_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "potentials" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"region_code" text NOT NULL,
	"province_code" text NOT NULL,
	"agency_id" text,
	"round_id" text,
	"title" text NOT NULL,
	"activity" text NOT NULL,
	"problem" text NOT NULL,
	"potential" text NOT NULL,
	"target" text NOT NULL,
	"process" jsonb NOT NULL,
	"candidate_partner" text,
	"candidate_reason" text,
	"outputs" text[] NOT NULL,
	"outcome" text NOT NULL,
	"outcome_indicator" text NOT NULL,
	"support_budget" text,
	"support_policy" text,
	"support_other" text,
	"direction" "direction" NOT NULL,
	"cooperation_kinds" text[] NOT NULL,
	"mandatory" boolean NOT NULL,
	"affairs" text[] NOT NULL,
	"issues" text[] NOT NULL,
	"model" text,
	"value_idr" bigint,
	"district_code" text,
	"horizon" "horizon" NOT NULL,
	"expires_on" date NOT NULL,
	"status" "potential_status" DEFAULT 'draft' NOT NULL,
	"return_reason" text,
	"ba_number" text,
	"ba_date" date,
	"priority_rank" integer,
	"sk_number" text,
	"sk_date" date,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"search_text" text NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('indonesian', coalesce(title, '')), 'A') || setweight(to_tsvector('indonesian', coalesce(activity, '')), 'B') || setweight(to_tsvector('indonesian', coalesce(problem, '') || ' ' || coalesce(potential, '') || ' ' || coalesce(target, '') || ' ' || coalesce(outcome, '')), 'C') || setweight(to_tsvector('indonesian', coalesce(search_text, '')), 'D')) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_profiles" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"summary" text,
	"sectors" text[] DEFAULT '{}'::text[] NOT NULL,
	"issues" text[] DEFAULT '{}'::text[] NOT NULL,
	"affairs" text[] DEFAULT '{}'::text[] NOT NULL,
	"regions_of_interest" text[] DEFAULT '{}'::text[] NOT NULL,
	"offers" text,
	"engagement_min_idr" bigint,
	"engagement_max_idr" bigint,
	"contacts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "districts" ADD CONSTRAINT "districts_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interests" ADD CONSTRAINT "interests_potential_id_potentials_id_fk" FOREIGN KEY ("potential_id") REFERENCES "public"."potentials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interests" ADD CONSTRAINT "interests_owner_tenant_id_tenants_id_fk" FOREIGN KEY ("owner_tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interests" ADD CONSTRAINT "interests_from_tenant_id_tenants_id_fk" FOREIGN KEY ("from_tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interests" ADD CONSTRAINT "interests_from_user_id_users_id_fk" FOREIGN KEY ("from_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapping_rounds" ADD CONSTRAINT "mapping_rounds_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapping_rounds" ADD CONSTRAINT "mapping_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "potential_events" ADD CONSTRAINT "potential_events_potential_id_potentials_id_fk" FOREIGN KEY ("potential_id") REFERENCES "public"."potentials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "potential_revisions" ADD CONSTRAINT "potential_revisions_potential_id_potentials_id_fk" FOREIGN KEY ("potential_id") REFERENCES "public"."potentials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "potentials" ADD CONSTRAINT "potentials_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "potentials" ADD CONSTRAINT "potentials_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "potentials" ADD CONSTRAINT "potentials_round_id_mapping_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."mapping_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_profiles" ADD CONSTRAINT "tenant_profiles_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "districts_region_code_index" ON "districts" USING btree ("region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "interests_potential_id_from_tenant_id_index" ON "interests" USING btree ("potential_id","from_tenant_id");--> statement-breakpoint
CREATE INDEX "interests_owner_tenant_id_status_index" ON "interests" USING btree ("owner_tenant_id","status");--> statement-breakpoint
CREATE INDEX "interests_from_tenant_id_index" ON "interests" USING btree ("from_tenant_id");--> statement-breakpoint
CREATE INDEX "mapping_rounds_tenant_id_period_start_index" ON "mapping_rounds" USING btree ("tenant_id","period_start");--> statement-breakpoint
CREATE INDEX "potential_events_potential_id_id_index" ON "potential_events" USING btree ("potential_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "potential_revisions_potential_id_version_index" ON "potential_revisions" USING btree ("potential_id","version");--> statement-breakpoint
CREATE INDEX "potentials_tenant_id_status_index" ON "potentials" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE INDEX "potentials_catalog_idx" ON "potentials" USING btree ("status","published_at","id");--> statement-breakpoint
CREATE INDEX "potentials_province_code_status_index" ON "potentials" USING btree ("province_code","status");--> statement-breakpoint
CREATE INDEX "potentials_region_code_status_index" ON "potentials" USING btree ("region_code","status");--> statement-breakpoint
CREATE INDEX "potentials_search_gin" ON "potentials" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "potentials_search_trgm" ON "potentials" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "potentials_affairs_gin" ON "potentials" USING gin ("affairs");--> statement-breakpoint
CREATE INDEX "potentials_issues_gin" ON "potentials" USING gin ("issues");--> statement-breakpoint
CREATE INDEX "potentials_kinds_gin" ON "potentials" USING gin ("cooperation_kinds");--> statement-breakpoint
CREATE INDEX "potentials_round_id_index" ON "potentials" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "profiles_issues_gin" ON "tenant_profiles" USING gin ("issues");--> statement-breakpoint
CREATE INDEX "profiles_affairs_gin" ON "tenant_profiles" USING gin ("affairs");
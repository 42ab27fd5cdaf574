CREATE TYPE "public"."annual_report_scope" AS ENUM('region', 'province');--> statement-breakpoint
CREATE TYPE "public"."annual_report_status" AS ENUM('submitted', 'returned', 'accepted', 'forwarded');--> statement-breakpoint
CREATE TABLE "annual_reports" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"province_code" text NOT NULL,
	"year" integer NOT NULL,
	"version" integer NOT NULL,
	"scope" "annual_report_scope" NOT NULL,
	"status" "annual_report_status" NOT NULL,
	"content" jsonb NOT NULL,
	"submitted_by" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"review_note" text
);
--> statement-breakpoint
ALTER TABLE "annual_reports" ADD CONSTRAINT "annual_reports_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reports" ADD CONSTRAINT "annual_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reports" ADD CONSTRAINT "annual_reports_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "annual_reports_tenant_id_year_version_index" ON "annual_reports" USING btree ("tenant_id","year","version");--> statement-breakpoint
CREATE INDEX "annual_reports_province_code_year_index" ON "annual_reports" USING btree ("province_code","year");
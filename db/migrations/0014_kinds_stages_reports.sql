-- Stage codes in one language (Indonesian, as the documents are named; labels in both), the sinergi path
-- (Nota Kesepakatan, rencana aksi), KSDPL and KSDLL in place of KSDLN, mandatory agreements, and annual reports.
ALTER TABLE "agreement_events" ALTER COLUMN "from_stage" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "agreement_events" ALTER COLUMN "to_stage" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "agreements" ALTER COLUMN "stage" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "agreements" ALTER COLUMN "stage" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "agreement_signatures" ALTER COLUMN "stage" SET DATA TYPE text;--> statement-breakpoint
DROP TYPE "public"."agreement_stage";--> statement-breakpoint
DROP TYPE "public"."agreement_signed_stage";--> statement-breakpoint
CREATE TYPE "public"."agreement_stage" AS ENUM('inisiasi', 'kesepakatan_bersama', 'perjanjian_kerja_sama', 'nota_kesepakatan', 'rencana_aksi', 'pelaksanaan', 'evaluasi', 'perpanjangan', 'berakhir');--> statement-breakpoint
CREATE TYPE "public"."agreement_signed_stage" AS ENUM('kesepakatan_bersama', 'perjanjian_kerja_sama', 'nota_kesepakatan', 'rencana_aksi', 'perpanjangan');--> statement-breakpoint
-- KSDLN splits into KSDPL (a foreign regional government) and KSDLL (a foreign institution): agreements by their foreign partner's kind.
UPDATE "agreements" a SET "kind" = CASE WHEN EXISTS (
  SELECT 1 FROM "agreement_parties" p JOIN "tenants" t ON t."id" = p."tenant_id"
  WHERE p."agreement_id" = a."id" AND t."partner_kind" = 'foreign_institution') THEN 'KSDLL' ELSE 'KSDPL' END
WHERE "kind" = 'KSDLN';--> statement-breakpoint
-- A sinergi already past its start was on the KB→PKS path: its KB is the Nota Kesepakatan, its PKS the action plan.
UPDATE "agreement_signatures" SET "stage" = CASE "stage" WHEN 'initiated' THEN 'inisiasi' WHEN 'implementing' THEN 'pelaksanaan' WHEN 'evaluated' THEN 'evaluasi' WHEN 'renewed' THEN 'pelaksanaan' WHEN 'ended' THEN 'berakhir' WHEN 'kesepakatan_bersama' THEN 'nota_kesepakatan' WHEN 'perjanjian_kerja_sama' THEN 'rencana_aksi' ELSE "stage" END WHERE "agreement_id" IN (SELECT "id" FROM "agreements" WHERE "kind" = 'SINERGI');--> statement-breakpoint
UPDATE "agreement_signatures" SET "stage" = CASE "stage" WHEN 'initiated' THEN 'inisiasi' WHEN 'implementing' THEN 'pelaksanaan' WHEN 'evaluated' THEN 'evaluasi' WHEN 'renewed' THEN 'perpanjangan' WHEN 'ended' THEN 'berakhir' ELSE "stage" END WHERE "agreement_id" NOT IN (SELECT "id" FROM "agreements" WHERE "kind" = 'SINERGI');--> statement-breakpoint
UPDATE "agreement_events" SET "from_stage" = CASE "from_stage" WHEN 'initiated' THEN 'inisiasi' WHEN 'implementing' THEN 'pelaksanaan' WHEN 'evaluated' THEN 'evaluasi' WHEN 'renewed' THEN 'pelaksanaan' WHEN 'ended' THEN 'berakhir' WHEN 'kesepakatan_bersama' THEN 'nota_kesepakatan' WHEN 'perjanjian_kerja_sama' THEN 'rencana_aksi' ELSE "from_stage" END, "to_stage" = CASE "to_stage" WHEN 'initiated' THEN 'inisiasi' WHEN 'implementing' THEN 'pelaksanaan' WHEN 'evaluated' THEN 'evaluasi' WHEN 'renewed' THEN 'pelaksanaan' WHEN 'ended' THEN 'berakhir' WHEN 'kesepakatan_bersama' THEN 'nota_kesepakatan' WHEN 'perjanjian_kerja_sama' THEN 'rencana_aksi' ELSE "to_stage" END WHERE "agreement_id" IN (SELECT "id" FROM "agreements" WHERE "kind" = 'SINERGI');--> statement-breakpoint
UPDATE "agreement_events" SET "from_stage" = CASE "from_stage" WHEN 'initiated' THEN 'inisiasi' WHEN 'implementing' THEN 'pelaksanaan' WHEN 'evaluated' THEN 'evaluasi' WHEN 'renewed' THEN 'perpanjangan' WHEN 'ended' THEN 'berakhir' ELSE "from_stage" END, "to_stage" = CASE "to_stage" WHEN 'initiated' THEN 'inisiasi' WHEN 'implementing' THEN 'pelaksanaan' WHEN 'evaluated' THEN 'evaluasi' WHEN 'renewed' THEN 'perpanjangan' WHEN 'ended' THEN 'berakhir' ELSE "to_stage" END WHERE "agreement_id" NOT IN (SELECT "id" FROM "agreements" WHERE "kind" = 'SINERGI');--> statement-breakpoint
UPDATE "agreements" SET "stage" = CASE "stage" WHEN 'initiated' THEN 'inisiasi' WHEN 'implementing' THEN 'pelaksanaan' WHEN 'evaluated' THEN 'evaluasi' WHEN 'renewed' THEN 'pelaksanaan' WHEN 'ended' THEN 'berakhir' WHEN 'kesepakatan_bersama' THEN 'nota_kesepakatan' WHEN 'perjanjian_kerja_sama' THEN 'rencana_aksi' ELSE "stage" END WHERE "kind" = 'SINERGI';--> statement-breakpoint
UPDATE "agreements" SET "stage" = CASE "stage" WHEN 'initiated' THEN 'inisiasi' WHEN 'implementing' THEN 'pelaksanaan' WHEN 'evaluated' THEN 'evaluasi' WHEN 'renewed' THEN 'perpanjangan' WHEN 'ended' THEN 'berakhir' ELSE "stage" END WHERE "kind" <> 'SINERGI';--> statement-breakpoint
ALTER TABLE "agreement_events" ALTER COLUMN "from_stage" SET DATA TYPE "public"."agreement_stage" USING "from_stage"::"public"."agreement_stage";--> statement-breakpoint
ALTER TABLE "agreement_events" ALTER COLUMN "to_stage" SET DATA TYPE "public"."agreement_stage" USING "to_stage"::"public"."agreement_stage";--> statement-breakpoint
ALTER TABLE "agreements" ALTER COLUMN "stage" SET DATA TYPE "public"."agreement_stage" USING "stage"::"public"."agreement_stage";--> statement-breakpoint
ALTER TABLE "agreements" ALTER COLUMN "stage" SET DEFAULT 'inisiasi'::"public"."agreement_stage";--> statement-breakpoint
ALTER TABLE "agreement_signatures" ALTER COLUMN "stage" SET DATA TYPE "public"."agreement_signed_stage" USING "stage"::"public"."agreement_signed_stage";--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "mandatory" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "memorandum_number" text;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "memorandum_date" date;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "action_plan_number" text;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "action_plan_date" date;--> statement-breakpoint
UPDATE "agreements" SET "memorandum_number" = "kb_number", "memorandum_date" = "kb_date", "kb_number" = NULL, "kb_date" = NULL, "kb_signatories" = NULL,
  "action_plan_number" = "pks_number", "action_plan_date" = "pks_date", "pks_number" = NULL, "pks_date" = NULL
WHERE "kind" = 'SINERGI';--> statement-breakpoint
-- Potentials open to foreign cooperation are open to both foreign kinds.
UPDATE "potentials" SET "cooperation_kinds" = array_remove("cooperation_kinds", 'KSDLN') || ARRAY['KSDPL', 'KSDLL']
WHERE 'KSDLN' = ANY ("cooperation_kinds");--> statement-breakpoint
DELETE FROM "vocabulary_terms" WHERE "vocabulary" = 'cooperation-kinds' AND "code" = 'KSDLN';--> statement-breakpoint
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
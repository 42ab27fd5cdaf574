-- Stage codes in one language (English codes, labels in both), and the sinergi path (Nota Kesepakatan, action plan).
ALTER TABLE "agreement_events" ALTER COLUMN "from_stage" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "agreement_events" ALTER COLUMN "to_stage" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "agreements" ALTER COLUMN "stage" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "agreements" ALTER COLUMN "stage" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "agreement_signatures" ALTER COLUMN "stage" SET DATA TYPE text;--> statement-breakpoint
DROP TYPE "public"."agreement_stage";--> statement-breakpoint
DROP TYPE "public"."agreement_signed_stage";--> statement-breakpoint
CREATE TYPE "public"."agreement_stage" AS ENUM('initiated', 'joint_agreement', 'cooperation_agreement', 'memorandum', 'action_plan', 'implementing', 'evaluated', 'renewed', 'ended');--> statement-breakpoint
CREATE TYPE "public"."agreement_signed_stage" AS ENUM('joint_agreement', 'cooperation_agreement', 'memorandum', 'action_plan', 'renewed');--> statement-breakpoint
-- KSDLN splits into KSDPL (a foreign regional government) and KSDLL (a foreign institution): agreements by their foreign partner's kind.
UPDATE "agreements" a SET "kind" = CASE WHEN EXISTS (
  SELECT 1 FROM "agreement_parties" p JOIN "tenants" t ON t."id" = p."tenant_id"
  WHERE p."agreement_id" = a."id" AND t."partner_kind" = 'foreign_institution') THEN 'KSDLL' ELSE 'KSDPL' END
WHERE "kind" = 'KSDLN';--> statement-breakpoint
-- A sinergi already past its start was on the KB→PKS path: its KB is the Nota Kesepakatan, its PKS the action plan.
UPDATE "agreement_signatures" SET "stage" = CASE "stage" WHEN 'kesepakatan_bersama' THEN 'memorandum' WHEN 'perjanjian_kerja_sama' THEN 'action_plan' ELSE "stage" END
WHERE "agreement_id" IN (SELECT "id" FROM "agreements" WHERE "kind" = 'SINERGI');--> statement-breakpoint
UPDATE "agreement_events" SET
  "from_stage" = CASE "from_stage" WHEN 'kesepakatan_bersama' THEN 'memorandum' WHEN 'perjanjian_kerja_sama' THEN 'action_plan' ELSE "from_stage" END,
  "to_stage" = CASE "to_stage" WHEN 'kesepakatan_bersama' THEN 'memorandum' WHEN 'perjanjian_kerja_sama' THEN 'action_plan' ELSE "to_stage" END
WHERE "agreement_id" IN (SELECT "id" FROM "agreements" WHERE "kind" = 'SINERGI');--> statement-breakpoint
UPDATE "agreements" SET
  "stage" = CASE "stage" WHEN 'kesepakatan_bersama' THEN 'memorandum' WHEN 'perjanjian_kerja_sama' THEN 'action_plan' WHEN 'renewed' THEN 'implementing' ELSE "stage" END
WHERE "kind" = 'SINERGI';--> statement-breakpoint
UPDATE "agreement_signatures" SET "stage" = CASE "stage" WHEN 'kesepakatan_bersama' THEN 'joint_agreement' WHEN 'perjanjian_kerja_sama' THEN 'cooperation_agreement' ELSE "stage" END;--> statement-breakpoint
UPDATE "agreement_events" SET
  "from_stage" = CASE "from_stage" WHEN 'kesepakatan_bersama' THEN 'joint_agreement' WHEN 'perjanjian_kerja_sama' THEN 'cooperation_agreement' ELSE "from_stage" END,
  "to_stage" = CASE "to_stage" WHEN 'kesepakatan_bersama' THEN 'joint_agreement' WHEN 'perjanjian_kerja_sama' THEN 'cooperation_agreement' ELSE "to_stage" END;--> statement-breakpoint
UPDATE "agreements" SET
  "stage" = CASE "stage" WHEN 'kesepakatan_bersama' THEN 'joint_agreement' WHEN 'perjanjian_kerja_sama' THEN 'cooperation_agreement' ELSE "stage" END;--> statement-breakpoint
ALTER TABLE "agreement_events" ALTER COLUMN "from_stage" SET DATA TYPE "public"."agreement_stage" USING "from_stage"::"public"."agreement_stage";--> statement-breakpoint
ALTER TABLE "agreement_events" ALTER COLUMN "to_stage" SET DATA TYPE "public"."agreement_stage" USING "to_stage"::"public"."agreement_stage";--> statement-breakpoint
ALTER TABLE "agreements" ALTER COLUMN "stage" SET DATA TYPE "public"."agreement_stage" USING "stage"::"public"."agreement_stage";--> statement-breakpoint
ALTER TABLE "agreements" ALTER COLUMN "stage" SET DEFAULT 'initiated'::"public"."agreement_stage";--> statement-breakpoint
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
DELETE FROM "vocabulary_terms" WHERE "vocabulary" = 'cooperation-kinds' AND "code" = 'KSDLN';

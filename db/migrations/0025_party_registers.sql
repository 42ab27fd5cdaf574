ALTER TABLE "agreement_parties" ADD COLUMN "kb_number" text;--> statement-breakpoint
ALTER TABLE "agreement_parties" ADD COLUMN "memorandum_number" text;--> statement-breakpoint
ALTER TABLE "agreement_parties" ADD COLUMN "action_plan_number" text;--> statement-breakpoint
ALTER TABLE "agreement_parties" ADD COLUMN "pks_number" text;--> statement-breakpoint
ALTER TABLE "agreement_parties" ADD COLUMN "burdens_budget" boolean;--> statement-breakpoint
ALTER TABLE "agreement_parties" ADD COLUMN "burdens_public" boolean;--> statement-breakpoint
ALTER TABLE "agreement_parties" ADD COLUMN "budgeted" boolean;--> statement-breakpoint
ALTER TABLE "agreement_parties" ADD COLUMN "dprd_approval_ref" text;--> statement-breakpoint
ALTER TABLE "agreement_parties" ADD COLUMN "dprd_approval_date" date;--> statement-breakpoint
-- Every party had to repeat one register number; it stays each party's own. The DPRD approval and
-- the APBD answers were asked once: they stay with each region party (a partner has no DPRD).
UPDATE "agreement_parties" AS p SET
  "kb_number" = a."kb_number",
  "memorandum_number" = a."memorandum_number",
  "action_plan_number" = a."action_plan_number",
  "pks_number" = a."pks_number"
FROM "agreements" AS a WHERE a."id" = p."agreement_id";--> statement-breakpoint
UPDATE "agreement_parties" AS p SET
  "burdens_budget" = a."burdens_budget",
  "burdens_public" = a."burdens_public",
  "budgeted" = a."budgeted",
  "dprd_approval_ref" = a."dprd_approval_ref",
  "dprd_approval_date" = a."dprd_approval_date"
FROM "agreements" AS a, "tenants" AS t
WHERE a."id" = p."agreement_id" AND t."id" = p."tenant_id" AND t."type" = 'region';--> statement-breakpoint
ALTER TABLE "agreements" DROP COLUMN "kb_number";--> statement-breakpoint
ALTER TABLE "agreements" DROP COLUMN "memorandum_number";--> statement-breakpoint
ALTER TABLE "agreements" DROP COLUMN "action_plan_number";--> statement-breakpoint
ALTER TABLE "agreements" DROP COLUMN "pks_number";--> statement-breakpoint
ALTER TABLE "agreements" DROP COLUMN "burdens_budget";--> statement-breakpoint
ALTER TABLE "agreements" DROP COLUMN "dprd_approval_ref";--> statement-breakpoint
ALTER TABLE "agreements" DROP COLUMN "dprd_approval_date";--> statement-breakpoint
ALTER TABLE "agreements" DROP COLUMN "burdens_public";--> statement-breakpoint
ALTER TABLE "agreements" DROP COLUMN "budgeted";
ALTER TABLE "agreement_signatures" ADD COLUMN "signatory_capacity" text DEFAULT 'head' NOT NULL;--> statement-breakpoint
ALTER TABLE "agreement_signatures" ADD COLUMN "delegation_ref" text;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "dprd_approval_date" date;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "burdens_public" boolean;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "budgeted" boolean;
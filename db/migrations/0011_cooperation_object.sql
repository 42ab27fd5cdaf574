ALTER TABLE "potentials" ADD COLUMN "object" text;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "object" text;
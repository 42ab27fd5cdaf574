ALTER TABLE "agreements" ADD COLUMN "mandatory_ground" text;--> statement-breakpoint
ALTER TABLE "potentials" ADD COLUMN "mandatory_ground" text;
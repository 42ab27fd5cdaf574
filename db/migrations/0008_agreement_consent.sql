CREATE TYPE "public"."agreement_party_status" AS ENUM('invited', 'confirmed', 'declined');--> statement-breakpoint
CREATE TYPE "public"."agreement_signed_stage" AS ENUM('kesepakatan_bersama', 'perjanjian_kerja_sama', 'renewed');--> statement-breakpoint
CREATE TABLE "agreement_signatures" (
	"id" text PRIMARY KEY NOT NULL,
	"agreement_id" text NOT NULL,
	"stage" "agreement_signed_stage" NOT NULL,
	"cycle" integer NOT NULL,
	"tenant_id" text NOT NULL,
	"signatory_name" text NOT NULL,
	"signatory_position" text NOT NULL,
	"signed_on" date NOT NULL,
	"document" jsonb NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_by_role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agreement_parties" ADD COLUMN "status" "agreement_party_status" DEFAULT 'confirmed' NOT NULL;--> statement-breakpoint
ALTER TABLE "agreement_parties" ADD COLUMN "responded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "agreement_parties" ADD COLUMN "responded_by" text;--> statement-breakpoint
ALTER TABLE "agreement_parties" ADD COLUMN "decline_reason" text;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "agreement_signatures" ADD CONSTRAINT "agreement_signatures_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_signatures" ADD CONSTRAINT "agreement_signatures_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_signatures" ADD CONSTRAINT "agreement_signatures_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_signatures_agreement_id_stage_cycle_tenant_id_index" ON "agreement_signatures" USING btree ("agreement_id","stage","cycle","tenant_id");--> statement-breakpoint
-- Agreements made before consent existed: a party the creator did not belong to
-- had not agreed to anything, unless the agreement came from an accepted interest
-- or proposal between them. Such parties are invited; an agreement counts only
-- once every party has confirmed.
UPDATE "agreement_parties" ap SET "status" = 'invited'
FROM "agreements" a
WHERE a."id" = ap."agreement_id"
  AND coalesce(a."source_type", 'existing') = 'existing'
  AND NOT EXISTS (SELECT 1 FROM "memberships" m WHERE m."tenant_id" = ap."tenant_id" AND m."user_id" = a."created_by");--> statement-breakpoint
UPDATE "agreements" a SET "confirmed_at" = a."created_at"
WHERE NOT EXISTS (SELECT 1 FROM "agreement_parties" ap WHERE ap."agreement_id" = a."id" AND ap."status" <> 'confirmed');

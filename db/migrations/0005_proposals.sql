CREATE TYPE "public"."party_answer" AS ENUM('pending', 'accepted', 'declined');--> statement-breakpoint
CREATE TYPE "public"."proposal_status" AS ENUM('pending', 'accepted', 'declined', 'expired');--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" text PRIMARY KEY NOT NULL,
	"facilitator_tenant_id" text,
	"proposed_by" text NOT NULL,
	"party_a" text NOT NULL,
	"party_b" text NOT NULL,
	"potential_id" text,
	"note" text NOT NULL,
	"status" "proposal_status" DEFAULT 'pending' NOT NULL,
	"answer_a" "party_answer" DEFAULT 'pending' NOT NULL,
	"answer_b" "party_answer" DEFAULT 'pending' NOT NULL,
	"reason_a" text,
	"reason_b" text,
	"answered_at_a" timestamp with time zone,
	"answered_at_b" timestamp with time zone,
	"expires_at" timestamp with time zone NOT NULL,
	"reminder_sent_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"validity_days" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_facilitator_tenant_id_tenants_id_fk" FOREIGN KEY ("facilitator_tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_party_a_tenants_id_fk" FOREIGN KEY ("party_a") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_party_b_tenants_id_fk" FOREIGN KEY ("party_b") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_potential_id_potentials_id_fk" FOREIGN KEY ("potential_id") REFERENCES "public"."potentials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "proposals_facilitator_tenant_id_created_at_index" ON "proposals" USING btree ("facilitator_tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "proposals_party_a_index" ON "proposals" USING btree ("party_a");--> statement-breakpoint
CREATE INDEX "proposals_party_b_index" ON "proposals" USING btree ("party_b");--> statement-breakpoint
CREATE INDEX "proposals_status_expires_at_index" ON "proposals" USING btree ("status","expires_at");
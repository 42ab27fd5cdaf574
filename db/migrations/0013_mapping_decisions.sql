CREATE TABLE "mapping_decisions" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"round_id" text,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"date" date NOT NULL,
	"attendees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"potential_ids" text[] NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mapping_decisions" ADD CONSTRAINT "mapping_decisions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapping_decisions" ADD CONSTRAINT "mapping_decisions_round_id_mapping_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."mapping_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapping_decisions" ADD CONSTRAINT "mapping_decisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mapping_decisions_tenant_id_date_index" ON "mapping_decisions" USING btree ("tenant_id","date");
CREATE TYPE "public"."forum_meeting_status" AS ENUM('requested', 'accepted', 'declined', 'expired', 'cancelled');--> statement-breakpoint
CREATE TABLE "forum_meetings" (
	"id" text PRIMARY KEY NOT NULL,
	"session_id" text NOT NULL,
	"requester_tenant_id" text NOT NULL,
	"recipient_tenant_id" text NOT NULL,
	"potential_id" text,
	"message" text DEFAULT '' NOT NULL,
	"status" "forum_meeting_status" DEFAULT 'requested' NOT NULL,
	"mutual" boolean DEFAULT false NOT NULL,
	"score" integer DEFAULT 0 NOT NULL,
	"decline_reason" text,
	"expires_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"slot_start" timestamp with time zone,
	"table_no" integer,
	"locked" boolean DEFAULT false NOT NULL,
	"published_slot_start" timestamp with time zone,
	"published_table" integer,
	"sequence" integer DEFAULT 0 NOT NULL,
	"requester_outcome" text,
	"recipient_outcome" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "forum_registrations" ADD COLUMN "parallel" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "forum_registrations" ADD COLUMN "unavailable" timestamp with time zone[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "forum_sessions" ADD COLUMN "meeting_rules" jsonb;--> statement-breakpoint
ALTER TABLE "forum_sessions" ADD COLUMN "schedule_status" text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "forum_sessions" ADD COLUMN "schedule_published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "forum_sessions" ADD COLUMN "schedule_run" jsonb;--> statement-breakpoint
ALTER TABLE "forum_meetings" ADD CONSTRAINT "forum_meetings_session_id_forum_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."forum_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_meetings" ADD CONSTRAINT "forum_meetings_requester_tenant_id_tenants_id_fk" FOREIGN KEY ("requester_tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_meetings" ADD CONSTRAINT "forum_meetings_recipient_tenant_id_tenants_id_fk" FOREIGN KEY ("recipient_tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_meetings" ADD CONSTRAINT "forum_meetings_potential_id_potentials_id_fk" FOREIGN KEY ("potential_id") REFERENCES "public"."potentials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_meetings" ADD CONSTRAINT "forum_meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "forum_meetings_session_id_status_index" ON "forum_meetings" USING btree ("session_id","status");--> statement-breakpoint
CREATE INDEX "forum_meetings_requester_tenant_id_index" ON "forum_meetings" USING btree ("requester_tenant_id");--> statement-breakpoint
CREATE INDEX "forum_meetings_recipient_tenant_id_index" ON "forum_meetings" USING btree ("recipient_tenant_id");--> statement-breakpoint
CREATE INDEX "forum_meetings_status_expires_at_index" ON "forum_meetings" USING btree ("status","expires_at");
CREATE TYPE "public"."forum_follow_up_status" AS ENUM('open', 'done', 'dropped');--> statement-breakpoint
CREATE TYPE "public"."forum_scope" AS ENUM('province', 'national', 'invited');--> statement-breakpoint
CREATE TYPE "public"."forum_session_status" AS ENUM('draft', 'published', 'registration_open', 'registration_closed', 'held', 'closed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."forum_registration_status" AS ENUM('pending', 'approved', 'declined', 'waitlisted', 'cancelled');--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forum_delegates" (
	"registration_id" text NOT NULL,
	"position" integer NOT NULL,
	"user_id" text,
	"name" text NOT NULL,
	"title" text NOT NULL,
	"head" boolean NOT NULL,
	CONSTRAINT "forum_delegates_registration_id_position_pk" PRIMARY KEY("registration_id","position")
);
--> statement-breakpoint
CREATE TABLE "forum_follow_ups" (
	"id" text PRIMARY KEY NOT NULL,
	"session_id" text NOT NULL,
	"title" text NOT NULL,
	"responsible_tenant_id" text NOT NULL,
	"due_date" date NOT NULL,
	"status" "forum_follow_up_status" DEFAULT 'open' NOT NULL,
	"potential_id" text,
	"proposal_id" text,
	"agreement_id" text,
	"done_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forum_invitations" (
	"session_id" text NOT NULL,
	"tenant_id" text NOT NULL,
	"invited_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forum_invitations_session_id_tenant_id_pk" PRIMARY KEY("session_id","tenant_id")
);
--> statement-breakpoint
CREATE TABLE "forum_registrations" (
	"id" text PRIMARY KEY NOT NULL,
	"session_id" text NOT NULL,
	"tenant_id" text NOT NULL,
	"status" "forum_registration_status" NOT NULL,
	"potential_ids" text[] NOT NULL,
	"seeks_issues" text[] NOT NULL,
	"seeks_affairs" text[] NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"decision_reason" text,
	"decided_at" timestamp with time zone,
	"attended" boolean,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forum_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"forum_id" text NOT NULL,
	"tenant_id" text NOT NULL,
	"occurrence" timestamp with time zone,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" "forum_session_status" DEFAULT 'draft' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"venue_name" text,
	"venue_address" text,
	"online_url" text,
	"capacity" integer NOT NULL,
	"auto_approve" boolean NOT NULL,
	"registration_opens_at" timestamp with time zone NOT NULL,
	"registration_closes_at" timestamp with time zone NOT NULL,
	"agenda" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"day_plan" jsonb,
	"cancel_reason" text,
	"sequence" integer DEFAULT 0 NOT NULL,
	"reminder7_sent_at" timestamp with time zone,
	"reminder1_sent_at" timestamp with time zone,
	"minutes" jsonb,
	"minutes_recorded_at" timestamp with time zone,
	"minutes_published_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forums" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"issues" text[] NOT NULL,
	"affairs" text[] NOT NULL,
	"scope" "forum_scope" NOT NULL,
	"invited_tenant_ids" text[] NOT NULL,
	"time_zone" text NOT NULL,
	"venue_name" text,
	"venue_address" text,
	"online_url" text,
	"recurrence" text,
	"first_start" timestamp with time zone,
	"duration_minutes" integer NOT NULL,
	"capacity" integer NOT NULL,
	"auto_approve" boolean DEFAULT false NOT NULL,
	"registration_opens_days" integer NOT NULL,
	"registration_closes_days" integer NOT NULL,
	"created_by" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "attachments" jsonb;--> statement-breakpoint
ALTER TABLE "interests" ADD COLUMN "origin_session_id" text;--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "origin_session_id" text;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "origin_session_id" text;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_delegates" ADD CONSTRAINT "forum_delegates_registration_id_forum_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."forum_registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_delegates" ADD CONSTRAINT "forum_delegates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_follow_ups" ADD CONSTRAINT "forum_follow_ups_session_id_forum_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."forum_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_follow_ups" ADD CONSTRAINT "forum_follow_ups_responsible_tenant_id_tenants_id_fk" FOREIGN KEY ("responsible_tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_follow_ups" ADD CONSTRAINT "forum_follow_ups_potential_id_potentials_id_fk" FOREIGN KEY ("potential_id") REFERENCES "public"."potentials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_follow_ups" ADD CONSTRAINT "forum_follow_ups_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_follow_ups" ADD CONSTRAINT "forum_follow_ups_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_follow_ups" ADD CONSTRAINT "forum_follow_ups_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_invitations" ADD CONSTRAINT "forum_invitations_session_id_forum_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."forum_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_invitations" ADD CONSTRAINT "forum_invitations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_invitations" ADD CONSTRAINT "forum_invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_registrations" ADD CONSTRAINT "forum_registrations_session_id_forum_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."forum_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_registrations" ADD CONSTRAINT "forum_registrations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_registrations" ADD CONSTRAINT "forum_registrations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_sessions" ADD CONSTRAINT "forum_sessions_forum_id_forums_id_fk" FOREIGN KEY ("forum_id") REFERENCES "public"."forums"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_sessions" ADD CONSTRAINT "forum_sessions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_sessions" ADD CONSTRAINT "forum_sessions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forums" ADD CONSTRAINT "forums_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forums" ADD CONSTRAINT "forums_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "forum_follow_ups_session_id_index" ON "forum_follow_ups" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "forum_follow_ups_responsible_tenant_id_status_index" ON "forum_follow_ups" USING btree ("responsible_tenant_id","status");--> statement-breakpoint
CREATE INDEX "forum_invitations_tenant_id_index" ON "forum_invitations" USING btree ("tenant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "forum_registrations_session_id_tenant_id_index" ON "forum_registrations" USING btree ("session_id","tenant_id");--> statement-breakpoint
CREATE INDEX "forum_registrations_tenant_id_index" ON "forum_registrations" USING btree ("tenant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "forum_sessions_forum_id_occurrence_index" ON "forum_sessions" USING btree ("forum_id","occurrence");--> statement-breakpoint
CREATE INDEX "forum_sessions_status_starts_at_index" ON "forum_sessions" USING btree ("status","starts_at");--> statement-breakpoint
CREATE INDEX "forum_sessions_tenant_id_index" ON "forum_sessions" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "forums_tenant_id_index" ON "forums" USING btree ("tenant_id");
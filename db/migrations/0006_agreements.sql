CREATE TYPE "public"."action_status" AS ENUM('planned', 'in_progress', 'done');--> statement-breakpoint
CREATE TYPE "public"."agreement_stage" AS ENUM('initiated', 'kesepakatan_bersama', 'perjanjian_kerja_sama', 'implementing', 'evaluated', 'renewed', 'ended');--> statement-breakpoint
CREATE TABLE "agreement_actions" (
	"id" text PRIMARY KEY NOT NULL,
	"agreement_id" text NOT NULL,
	"title" text NOT NULL,
	"responsible_tenant_id" text NOT NULL,
	"due_date" date NOT NULL,
	"status" "action_status" DEFAULT 'planned' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_documents" (
	"id" text PRIMARY KEY NOT NULL,
	"agreement_id" text NOT NULL,
	"title" text NOT NULL,
	"number" text,
	"date" date,
	"link" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_evaluations" (
	"id" text PRIMARY KEY NOT NULL,
	"agreement_id" text NOT NULL,
	"date" date NOT NULL,
	"findings" text NOT NULL,
	"rating" integer NOT NULL,
	"next_evaluation_date" date,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_events" (
	"id" text PRIMARY KEY NOT NULL,
	"agreement_id" text NOT NULL,
	"from_stage" "agreement_stage",
	"to_stage" "agreement_stage" NOT NULL,
	"data" jsonb NOT NULL,
	"actor_user_id" text,
	"request_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_parties" (
	"agreement_id" text NOT NULL,
	"tenant_id" text NOT NULL,
	CONSTRAINT "agreement_parties_agreement_id_tenant_id_pk" PRIMARY KEY("agreement_id","tenant_id")
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"model" text,
	"affairs" text[] NOT NULL,
	"issues" text[] NOT NULL,
	"stage" "agreement_stage" DEFAULT 'initiated' NOT NULL,
	"source_type" text,
	"source_id" text,
	"kb_number" text,
	"kb_date" date,
	"kb_signatories" text[],
	"pks_number" text,
	"pks_date" date,
	"pks_start" date,
	"pks_end" date,
	"burdens_budget" boolean,
	"dprd_approval_ref" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agreement_actions" ADD CONSTRAINT "agreement_actions_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_actions" ADD CONSTRAINT "agreement_actions_responsible_tenant_id_tenants_id_fk" FOREIGN KEY ("responsible_tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_documents" ADD CONSTRAINT "agreement_documents_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_evaluations" ADD CONSTRAINT "agreement_evaluations_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_events" ADD CONSTRAINT "agreement_events_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_parties" ADD CONSTRAINT "agreement_parties_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_parties" ADD CONSTRAINT "agreement_parties_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_actions_agreement_id_index" ON "agreement_actions" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "agreement_events_agreement_id_index" ON "agreement_events" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "agreement_parties_tenant_id_index" ON "agreement_parties" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "agreements_stage_index" ON "agreements" USING btree ("stage");
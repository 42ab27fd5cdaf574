ALTER TABLE "agreement_evaluations" ADD COLUMN "benefits" text;--> statement-breakpoint
ALTER TABLE "agreement_evaluations" ADD COLUMN "obstacles" text;--> statement-breakpoint
ALTER TABLE "agreement_evaluations" ADD COLUMN "follow_up" text;--> statement-breakpoint
ALTER TABLE "agreement_evaluations" ADD COLUMN "budget_planned_idr" bigint;--> statement-breakpoint
ALTER TABLE "agreement_evaluations" ADD COLUMN "budget_realised_idr" bigint;--> statement-breakpoint
ALTER TABLE "annual_reports" ADD COLUMN "interim" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "annual_reports" ADD COLUMN "stale_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "annual_reports" ADD COLUMN "stale_because" jsonb;
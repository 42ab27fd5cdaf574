CREATE TYPE "public"."island_group" AS ENUM('sumatera', 'jawa', 'bali_nusa_tenggara', 'kalimantan', 'sulawesi', 'maluku', 'papua');--> statement-breakpoint
CREATE TYPE "public"."region_kind" AS ENUM('provinsi', 'kabupaten', 'kota');--> statement-breakpoint
CREATE TYPE "public"."time_zone" AS ENUM('WIB', 'WITA', 'WIT');--> statement-breakpoint
CREATE TYPE "public"."tenant_status" AS ENUM('unclaimed', 'active', 'unverified', 'suspended');--> statement-breakpoint
CREATE TYPE "public"."tenant_type" AS ENUM('region', 'partner');--> statement-breakpoint
CREATE TABLE "reference_data_loads" (
	"name" text PRIMARY KEY NOT NULL,
	"checksum" text NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"official_name" text NOT NULL,
	"kind" "region_kind" NOT NULL,
	"province_code" text,
	"autonomous" boolean NOT NULL,
	"time_zone" time_zone NOT NULL,
	"island_group" "island_group" NOT NULL,
	"search_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vocabulary_terms" (
	"vocabulary" text NOT NULL,
	"code" text NOT NULL,
	"label_id" text NOT NULL,
	"label_en" text NOT NULL,
	"group_code" text,
	"description_id" text,
	"description_en" text,
	"sort_order" integer NOT NULL,
	CONSTRAINT "vocabulary_terms_vocabulary_code_pk" PRIMARY KEY("vocabulary","code")
);
--> statement-breakpoint
CREATE TABLE "tenants" (
	"id" text PRIMARY KEY NOT NULL,
	"type" "tenant_type" NOT NULL,
	"region_code" text,
	"name" text NOT NULL,
	"status" "tenant_status" NOT NULL,
	"claimed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenants_regionCode_unique" UNIQUE("region_code")
);
--> statement-breakpoint
ALTER TABLE "regions" ADD CONSTRAINT "regions_province_code_regions_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "regions_province_code_code_index" ON "regions" USING btree ("province_code","code");--> statement-breakpoint
CREATE INDEX "regions_kind_code_index" ON "regions" USING btree ("kind","code");--> statement-breakpoint
CREATE INDEX "tenants_type_status_index" ON "tenants" USING btree ("type","status");
CREATE TABLE "data_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT 'prometheus' NOT NULL,
	"base_url" text NOT NULL,
	"auth_kind" text DEFAULT 'none' NOT NULL,
	"secret_sealed" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "data_sources_org_id_id_key" UNIQUE("org_id","id"),
	CONSTRAINT "data_sources_org_id_name_key" UNIQUE("org_id","name")
);
--> statement-breakpoint
CREATE TABLE "metric_bindings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"metric_id" uuid NOT NULL,
	"data_source_id" uuid NOT NULL,
	"query" text NOT NULL,
	"interval_minutes" integer DEFAULT 60 NOT NULL,
	"next_due_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_attempt_at" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"last_error" text,
	"failures" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "metric_bindings_metric_key" UNIQUE("org_id","metric_id")
);
--> statement-breakpoint
ALTER TABLE "check_ins" ADD COLUMN "source" text DEFAULT 'entered' NOT NULL;--> statement-breakpoint
ALTER TABLE "data_sources" ADD CONSTRAINT "data_sources_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_bindings" ADD CONSTRAINT "metric_bindings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_bindings" ADD CONSTRAINT "metric_bindings_metric_same_org_fk" FOREIGN KEY ("org_id","metric_id") REFERENCES "public"."metrics"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_bindings" ADD CONSTRAINT "metric_bindings_source_same_org_fk" FOREIGN KEY ("org_id","data_source_id") REFERENCES "public"."data_sources"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "data_sources_org_id_idx" ON "data_sources" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "metric_bindings_source_idx" ON "metric_bindings" USING btree ("org_id","data_source_id");--> statement-breakpoint
CREATE INDEX "metric_bindings_due_idx" ON "metric_bindings" USING btree ("next_due_at");
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
ALTER TABLE "metric_bindings" ADD CONSTRAINT "metric_bindings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_bindings" ADD CONSTRAINT "metric_bindings_metric_same_org_fk" FOREIGN KEY ("org_id","metric_id") REFERENCES "public"."metrics"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_bindings" ADD CONSTRAINT "metric_bindings_source_same_org_fk" FOREIGN KEY ("org_id","data_source_id") REFERENCES "public"."data_sources"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "metric_bindings_source_idx" ON "metric_bindings" USING btree ("org_id","data_source_id");--> statement-breakpoint
CREATE INDEX "metric_bindings_due_idx" ON "metric_bindings" USING btree ("next_due_at");
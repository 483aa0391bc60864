CREATE TABLE "target_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"target_id" uuid NOT NULL,
	"author_person_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "target_comments_org_id_id_key" UNIQUE("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "target_status_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"target_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"body" text NOT NULL,
	"author_person_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "target_status_updates_org_id_id_key" UNIQUE("org_id","id"),
	CONSTRAINT "target_status_updates_week_key" UNIQUE("org_id","target_id","week_start")
);
--> statement-breakpoint
ALTER TABLE "target_comments" ADD CONSTRAINT "target_comments_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_comments" ADD CONSTRAINT "target_comments_target_id_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."targets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_comments" ADD CONSTRAINT "target_comments_author_person_id_people_id_fk" FOREIGN KEY ("author_person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_comments" ADD CONSTRAINT "target_comments_target_same_org_fk" FOREIGN KEY ("org_id","target_id") REFERENCES "public"."targets"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_comments" ADD CONSTRAINT "target_comments_author_same_org_fk" FOREIGN KEY ("org_id","author_person_id") REFERENCES "public"."people"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_status_updates" ADD CONSTRAINT "target_status_updates_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_status_updates" ADD CONSTRAINT "target_status_updates_target_id_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."targets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_status_updates" ADD CONSTRAINT "target_status_updates_author_person_id_people_id_fk" FOREIGN KEY ("author_person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_status_updates" ADD CONSTRAINT "target_status_updates_target_same_org_fk" FOREIGN KEY ("org_id","target_id") REFERENCES "public"."targets"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_status_updates" ADD CONSTRAINT "target_status_updates_author_same_org_fk" FOREIGN KEY ("org_id","author_person_id") REFERENCES "public"."people"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "target_comments_target_created_idx" ON "target_comments" USING btree ("target_id","created_at","id");--> statement-breakpoint
CREATE INDEX "target_comments_author_idx" ON "target_comments" USING btree ("author_person_id");--> statement-breakpoint
CREATE INDEX "target_status_updates_target_idx" ON "target_status_updates" USING btree ("target_id");--> statement-breakpoint
CREATE INDEX "target_status_updates_author_idx" ON "target_status_updates" USING btree ("author_person_id");
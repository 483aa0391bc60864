CREATE TABLE "level_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"from_label" text,
	"from_autonomy" double precision,
	"to_label" text NOT NULL,
	"to_autonomy" double precision NOT NULL,
	"reason" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "spectrum_levels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"spectrum_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"label" text NOT NULL,
	"meaning" text DEFAULT '' NOT NULL,
	"autonomy" double precision NOT NULL,
	CONSTRAINT "spectrum_levels_owner_id_id_key" UNIQUE("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "spectrums" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"active" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "spectrums_owner_id_id_key" UNIQUE("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"target_id" uuid,
	"title" text NOT NULL,
	"description" text,
	"competency" integer NOT NULL,
	"criticality" integer NOT NULL,
	"level_id" uuid NOT NULL,
	"review_date" date,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tasks_owner_id_id_key" UNIQUE("owner_id","id")
);
--> statement-breakpoint
ALTER TABLE "level_changes" ADD CONSTRAINT "level_changes_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "level_changes" ADD CONSTRAINT "level_changes_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "level_changes" ADD CONSTRAINT "level_changes_task_same_owner_fk" FOREIGN KEY ("owner_id","task_id") REFERENCES "public"."tasks"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spectrum_levels" ADD CONSTRAINT "spectrum_levels_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spectrum_levels" ADD CONSTRAINT "spectrum_levels_spectrum_id_spectrums_id_fk" FOREIGN KEY ("spectrum_id") REFERENCES "public"."spectrums"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spectrum_levels" ADD CONSTRAINT "spectrum_levels_spectrum_same_owner_fk" FOREIGN KEY ("owner_id","spectrum_id") REFERENCES "public"."spectrums"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spectrums" ADD CONSTRAINT "spectrums_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_target_id_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."targets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_level_id_spectrum_levels_id_fk" FOREIGN KEY ("level_id") REFERENCES "public"."spectrum_levels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_person_same_owner_fk" FOREIGN KEY ("owner_id","person_id") REFERENCES "public"."people"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_target_same_owner_fk" FOREIGN KEY ("owner_id","target_id") REFERENCES "public"."targets"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_level_same_owner_fk" FOREIGN KEY ("owner_id","level_id") REFERENCES "public"."spectrum_levels"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "level_changes_task_at_idx" ON "level_changes" USING btree ("task_id","at");--> statement-breakpoint
CREATE INDEX "level_changes_owner_at_idx" ON "level_changes" USING btree ("owner_id","at");--> statement-breakpoint
CREATE INDEX "spectrum_levels_spectrum_idx" ON "spectrum_levels" USING btree ("spectrum_id");--> statement-breakpoint
CREATE UNIQUE INDEX "spectrums_one_active_key" ON "spectrums" USING btree ("owner_id") WHERE "spectrums"."active";--> statement-breakpoint
CREATE INDEX "tasks_owner_person_idx" ON "tasks" USING btree ("owner_id","person_id");--> statement-breakpoint
CREATE INDEX "tasks_person_idx" ON "tasks" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "tasks_level_idx" ON "tasks" USING btree ("level_id");--> statement-breakpoint
CREATE INDEX "tasks_target_idx" ON "tasks" USING btree ("target_id");
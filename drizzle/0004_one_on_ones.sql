CREATE TABLE "action_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"one_on_one_id" uuid,
	"assignee" text NOT NULL,
	"title" text NOT NULL,
	"due_date" date,
	"done_at" timestamp with time zone,
	"carried_over" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_items_owner_id_id_key" UNIQUE("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "coaching_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"one_on_one_id" uuid,
	"goal_id" uuid,
	"kind" text NOT NULL,
	"situation" text,
	"behaviour" text,
	"impact" text,
	"body" text DEFAULT '' NOT NULL,
	"private" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coaching_notes_owner_id_id_key" UNIQUE("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "growth_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "growth_goals_owner_id_id_key" UNIQUE("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "one_on_ones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"held_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "one_on_ones_owner_id_id_key" UNIQUE("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "talking_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"topic" text DEFAULT 'other' NOT NULL,
	"body" text NOT NULL,
	"raised_by" text DEFAULT 'me' NOT NULL,
	"discussed_in_id" uuid,
	"discussed_at" timestamp with time zone,
	"carried_over" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "talking_points_owner_id_id_key" UNIQUE("owner_id","id")
);
--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_one_on_one_id_one_on_ones_id_fk" FOREIGN KEY ("one_on_one_id") REFERENCES "public"."one_on_ones"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_person_same_owner_fk" FOREIGN KEY ("owner_id","person_id") REFERENCES "public"."people"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_meeting_same_owner_fk" FOREIGN KEY ("owner_id","one_on_one_id") REFERENCES "public"."one_on_ones"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_notes" ADD CONSTRAINT "coaching_notes_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_notes" ADD CONSTRAINT "coaching_notes_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_notes" ADD CONSTRAINT "coaching_notes_one_on_one_id_one_on_ones_id_fk" FOREIGN KEY ("one_on_one_id") REFERENCES "public"."one_on_ones"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_notes" ADD CONSTRAINT "coaching_notes_goal_id_growth_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."growth_goals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_notes" ADD CONSTRAINT "coaching_notes_person_same_owner_fk" FOREIGN KEY ("owner_id","person_id") REFERENCES "public"."people"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_notes" ADD CONSTRAINT "coaching_notes_meeting_same_owner_fk" FOREIGN KEY ("owner_id","one_on_one_id") REFERENCES "public"."one_on_ones"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_notes" ADD CONSTRAINT "coaching_notes_goal_same_owner_fk" FOREIGN KEY ("owner_id","goal_id") REFERENCES "public"."growth_goals"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "growth_goals" ADD CONSTRAINT "growth_goals_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "growth_goals" ADD CONSTRAINT "growth_goals_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "growth_goals" ADD CONSTRAINT "growth_goals_person_same_owner_fk" FOREIGN KEY ("owner_id","person_id") REFERENCES "public"."people"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_ones" ADD CONSTRAINT "one_on_ones_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_ones" ADD CONSTRAINT "one_on_ones_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_ones" ADD CONSTRAINT "one_on_ones_person_same_owner_fk" FOREIGN KEY ("owner_id","person_id") REFERENCES "public"."people"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talking_points" ADD CONSTRAINT "talking_points_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talking_points" ADD CONSTRAINT "talking_points_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talking_points" ADD CONSTRAINT "talking_points_discussed_in_id_one_on_ones_id_fk" FOREIGN KEY ("discussed_in_id") REFERENCES "public"."one_on_ones"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talking_points" ADD CONSTRAINT "talking_points_person_same_owner_fk" FOREIGN KEY ("owner_id","person_id") REFERENCES "public"."people"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talking_points" ADD CONSTRAINT "talking_points_meeting_same_owner_fk" FOREIGN KEY ("owner_id","discussed_in_id") REFERENCES "public"."one_on_ones"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_items_owner_person_idx" ON "action_items" USING btree ("owner_id","person_id");--> statement-breakpoint
CREATE INDEX "action_items_owner_open_idx" ON "action_items" USING btree ("owner_id","due_date") WHERE "action_items"."done_at" is null;--> statement-breakpoint
CREATE INDEX "action_items_person_idx" ON "action_items" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "action_items_meeting_idx" ON "action_items" USING btree ("one_on_one_id");--> statement-breakpoint
CREATE INDEX "coaching_notes_owner_person_idx" ON "coaching_notes" USING btree ("owner_id","person_id","created_at");--> statement-breakpoint
CREATE INDEX "coaching_notes_person_idx" ON "coaching_notes" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "coaching_notes_meeting_idx" ON "coaching_notes" USING btree ("one_on_one_id");--> statement-breakpoint
CREATE INDEX "coaching_notes_goal_idx" ON "coaching_notes" USING btree ("goal_id");--> statement-breakpoint
CREATE INDEX "growth_goals_owner_person_idx" ON "growth_goals" USING btree ("owner_id","person_id");--> statement-breakpoint
CREATE INDEX "growth_goals_person_idx" ON "growth_goals" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "one_on_ones_owner_person_scheduled_idx" ON "one_on_ones" USING btree ("owner_id","person_id","scheduled_at");--> statement-breakpoint
CREATE INDEX "one_on_ones_owner_scheduled_idx" ON "one_on_ones" USING btree ("owner_id","scheduled_at");--> statement-breakpoint
CREATE INDEX "one_on_ones_person_idx" ON "one_on_ones" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "talking_points_owner_person_idx" ON "talking_points" USING btree ("owner_id","person_id","created_at");--> statement-breakpoint
CREATE INDEX "talking_points_person_idx" ON "talking_points" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "talking_points_discussed_in_idx" ON "talking_points" USING btree ("discussed_in_id");
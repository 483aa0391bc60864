CREATE TABLE "areas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"em_person_id" uuid,
	"ic_person_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "areas_owner_id_id_key" UNIQUE("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"title" text,
	"track" text NOT NULL,
	"level" text NOT NULL,
	"manager_id" uuid,
	"leads" text,
	"cadence" text DEFAULT 'fortnightly' NOT NULL,
	"cadence_days" integer,
	"start_date" date,
	"notes" text,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "people_owner_id_id_key" UNIQUE("owner_id","id")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "ladder_labels" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "areas" ADD CONSTRAINT "areas_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "areas" ADD CONSTRAINT "areas_em_person_id_people_id_fk" FOREIGN KEY ("em_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "areas" ADD CONSTRAINT "areas_ic_person_id_people_id_fk" FOREIGN KEY ("ic_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "areas" ADD CONSTRAINT "areas_em_same_owner_fk" FOREIGN KEY ("owner_id","em_person_id") REFERENCES "public"."people"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "areas" ADD CONSTRAINT "areas_ic_same_owner_fk" FOREIGN KEY ("owner_id","ic_person_id") REFERENCES "public"."people"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_manager_id_people_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_manager_same_owner_fk" FOREIGN KEY ("owner_id","manager_id") REFERENCES "public"."people"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "areas_owner_name_key" ON "areas" USING btree ("owner_id",lower("name"));--> statement-breakpoint
CREATE INDEX "areas_em_person_idx" ON "areas" USING btree ("em_person_id");--> statement-breakpoint
CREATE INDEX "areas_ic_person_idx" ON "areas" USING btree ("ic_person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "people_owner_email_key" ON "people" USING btree ("owner_id","email") WHERE "people"."email" is not null;--> statement-breakpoint
CREATE INDEX "people_owner_manager_idx" ON "people" USING btree ("owner_id","manager_id");--> statement-breakpoint
CREATE INDEX "people_owner_name_idx" ON "people" USING btree ("owner_id","name");--> statement-breakpoint
CREATE INDEX "people_manager_idx" ON "people" USING btree ("manager_id");
CREATE TABLE "capacity_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"title" text NOT NULL,
	"hours" double precision NOT NULL,
	"deep_work" boolean DEFAULT false NOT NULL,
	"recurring" boolean DEFAULT false NOT NULL,
	"week_start" date NOT NULL,
	"last_week" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "capacity_items_owner_id_id_key" UNIQUE("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "capacity_weeks" (
	"owner_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"available_hours" double precision NOT NULL,
	"deep_work_cap_per_day" double precision NOT NULL,
	"buffer_percent" integer NOT NULL,
	"one_on_one_minutes" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "capacity_weeks_owner_id_week_start_pk" PRIMARY KEY("owner_id","week_start")
);
--> statement-breakpoint
CREATE TABLE "energy_days" (
	"owner_id" uuid NOT NULL,
	"day" date NOT NULL,
	"productive_hours" double precision NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "energy_days_owner_id_day_pk" PRIMARY KEY("owner_id","day")
);
--> statement-breakpoint
CREATE TABLE "energy_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"day" date NOT NULL,
	"slot" text NOT NULL,
	"level" integer NOT NULL,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "energy_entries_owner_day_slot_key" UNIQUE("owner_id","day","slot")
);
--> statement-breakpoint
CREATE TABLE "weekly_reviews" (
	"owner_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"drains" text,
	"restores" text,
	"change" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "weekly_reviews_owner_id_week_start_pk" PRIMARY KEY("owner_id","week_start")
);
--> statement-breakpoint
ALTER TABLE "capacity_items" ADD CONSTRAINT "capacity_items_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_weeks" ADD CONSTRAINT "capacity_weeks_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "energy_days" ADD CONSTRAINT "energy_days_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "energy_entries" ADD CONSTRAINT "energy_entries_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "weekly_reviews" ADD CONSTRAINT "weekly_reviews_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "capacity_items_owner_week_idx" ON "capacity_items" USING btree ("owner_id","week_start");
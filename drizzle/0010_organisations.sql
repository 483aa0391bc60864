-- Organisations (issue #16). Every account becomes an organisation of its own,
-- with the account's own id: every "owner_id" of the tables below already
-- names it, so the columns are renamed, never rewritten. Each account gets a
-- person at the top of its chart (its first admin) and the people who reported
-- to "me" report to that person. Drizzle runs the whole file in one transaction:
-- interrupted, nothing of it stays, and the next start runs it again.
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"ladder_labels" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"ladder_version" integer DEFAULT 1 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
INSERT INTO "organisations" ("id", "name", "ladder_labels", "ladder_version", "created_at")
  SELECT "id", "name", "ladder_labels", "ladder_version", "created_at" FROM "users";
--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"email" text NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by_user_id" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by_user_id" uuid,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invitations_org_id_id_key" UNIQUE("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_org_user_key" UNIQUE("org_id","user_id"),
	CONSTRAINT "memberships_org_person_key" UNIQUE("org_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "person_ancestors" (
	"org_id" uuid NOT NULL,
	"ancestor_id" uuid NOT NULL,
	"descendant_id" uuid NOT NULL,
	"depth" integer NOT NULL,
	CONSTRAINT "person_ancestors_org_id_ancestor_id_descendant_id_pk" PRIMARY KEY("org_id","ancestor_id","descendant_id")
);
--> statement-breakpoint
CREATE TABLE "person_notes" (
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"author_person_id" uuid NOT NULL,
	"body" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_notes_org_id_person_id_author_person_id_pk" PRIMARY KEY("org_id","person_id","author_person_id")
);
--> statement-breakpoint
ALTER TABLE "areas" RENAME COLUMN "owner_id" TO "org_id";
--> statement-breakpoint
ALTER TABLE "areas" DROP CONSTRAINT "areas_owner_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "areas" ADD CONSTRAINT "areas_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "people" RENAME COLUMN "owner_id" TO "org_id";
--> statement-breakpoint
ALTER TABLE "people" DROP CONSTRAINT "people_owner_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "api_tokens" RENAME COLUMN "owner_id" TO "org_id";
--> statement-breakpoint
ALTER TABLE "api_tokens" DROP CONSTRAINT "api_tokens_owner_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "check_ins" RENAME COLUMN "owner_id" TO "org_id";
--> statement-breakpoint
ALTER TABLE "check_ins" DROP CONSTRAINT "check_ins_owner_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "metrics" RENAME COLUMN "owner_id" TO "org_id";
--> statement-breakpoint
ALTER TABLE "metrics" DROP CONSTRAINT "metrics_owner_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "metrics" ADD CONSTRAINT "metrics_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "target_owners" RENAME COLUMN "owner_id" TO "org_id";
--> statement-breakpoint
ALTER TABLE "target_owners" DROP CONSTRAINT "target_owners_owner_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "target_owners" ADD CONSTRAINT "target_owners_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "targets" RENAME COLUMN "owner_id" TO "org_id";
--> statement-breakpoint
ALTER TABLE "targets" DROP CONSTRAINT "targets_owner_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "level_changes" RENAME COLUMN "owner_id" TO "org_id";
--> statement-breakpoint
ALTER TABLE "level_changes" DROP CONSTRAINT "level_changes_owner_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "level_changes" ADD CONSTRAINT "level_changes_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "spectrum_levels" RENAME COLUMN "owner_id" TO "org_id";
--> statement-breakpoint
ALTER TABLE "spectrum_levels" DROP CONSTRAINT "spectrum_levels_owner_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "spectrum_levels" ADD CONSTRAINT "spectrum_levels_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "spectrums" RENAME COLUMN "owner_id" TO "org_id";
--> statement-breakpoint
ALTER TABLE "spectrums" DROP CONSTRAINT "spectrums_owner_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "spectrums" ADD CONSTRAINT "spectrums_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "tasks" RENAME COLUMN "owner_id" TO "org_id";
--> statement-breakpoint
ALTER TABLE "tasks" DROP CONSTRAINT "tasks_owner_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "action_items" RENAME COLUMN "owner_id" TO "org_id";
--> statement-breakpoint
ALTER TABLE "action_items" DROP CONSTRAINT "action_items_owner_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "coaching_notes" RENAME COLUMN "owner_id" TO "org_id";
--> statement-breakpoint
ALTER TABLE "coaching_notes" DROP CONSTRAINT "coaching_notes_owner_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "coaching_notes" ADD CONSTRAINT "coaching_notes_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "growth_goals" RENAME COLUMN "owner_id" TO "org_id";
--> statement-breakpoint
ALTER TABLE "growth_goals" DROP CONSTRAINT "growth_goals_owner_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "growth_goals" ADD CONSTRAINT "growth_goals_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "one_on_ones" RENAME COLUMN "owner_id" TO "org_id";
--> statement-breakpoint
ALTER TABLE "one_on_ones" DROP CONSTRAINT "one_on_ones_owner_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "one_on_ones" ADD CONSTRAINT "one_on_ones_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "talking_points" RENAME COLUMN "owner_id" TO "org_id";
--> statement-breakpoint
ALTER TABLE "talking_points" DROP CONSTRAINT "talking_points_owner_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "talking_points" ADD CONSTRAINT "talking_points_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "capacity_items" RENAME COLUMN "owner_id" TO "org_id";
--> statement-breakpoint
ALTER TABLE "capacity_items" DROP CONSTRAINT "capacity_items_owner_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "capacity_items" ADD CONSTRAINT "capacity_items_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "capacity_weeks" RENAME COLUMN "owner_id" TO "org_id";
--> statement-breakpoint
ALTER TABLE "capacity_weeks" DROP CONSTRAINT "capacity_weeks_owner_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "capacity_weeks" ADD CONSTRAINT "capacity_weeks_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "energy_days" RENAME COLUMN "owner_id" TO "org_id";
--> statement-breakpoint
ALTER TABLE "energy_days" DROP CONSTRAINT "energy_days_owner_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "energy_days" ADD CONSTRAINT "energy_days_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "energy_entries" RENAME COLUMN "owner_id" TO "org_id";
--> statement-breakpoint
ALTER TABLE "energy_entries" DROP CONSTRAINT "energy_entries_owner_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "energy_entries" ADD CONSTRAINT "energy_entries_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "weekly_reviews" RENAME COLUMN "owner_id" TO "org_id";
--> statement-breakpoint
ALTER TABLE "weekly_reviews" DROP CONSTRAINT "weekly_reviews_owner_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "weekly_reviews" ADD CONSTRAINT "weekly_reviews_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "areas" RENAME CONSTRAINT "areas_owner_id_id_key" TO "areas_org_id_id_key";
--> statement-breakpoint
ALTER TABLE "people" RENAME CONSTRAINT "people_owner_id_id_key" TO "people_org_id_id_key";
--> statement-breakpoint
ALTER TABLE "metrics" RENAME CONSTRAINT "metrics_owner_id_id_key" TO "metrics_org_id_id_key";
--> statement-breakpoint
ALTER TABLE "targets" RENAME CONSTRAINT "targets_owner_id_id_key" TO "targets_org_id_id_key";
--> statement-breakpoint
ALTER TABLE "spectrum_levels" RENAME CONSTRAINT "spectrum_levels_owner_id_id_key" TO "spectrum_levels_org_id_id_key";
--> statement-breakpoint
ALTER TABLE "spectrums" RENAME CONSTRAINT "spectrums_owner_id_id_key" TO "spectrums_org_id_id_key";
--> statement-breakpoint
ALTER TABLE "tasks" RENAME CONSTRAINT "tasks_owner_id_id_key" TO "tasks_org_id_id_key";
--> statement-breakpoint
ALTER TABLE "action_items" RENAME CONSTRAINT "action_items_owner_id_id_key" TO "action_items_org_id_id_key";
--> statement-breakpoint
ALTER TABLE "coaching_notes" RENAME CONSTRAINT "coaching_notes_owner_id_id_key" TO "coaching_notes_org_id_id_key";
--> statement-breakpoint
ALTER TABLE "growth_goals" RENAME CONSTRAINT "growth_goals_owner_id_id_key" TO "growth_goals_org_id_id_key";
--> statement-breakpoint
ALTER TABLE "one_on_ones" RENAME CONSTRAINT "one_on_ones_owner_id_id_key" TO "one_on_ones_org_id_id_key";
--> statement-breakpoint
ALTER TABLE "talking_points" RENAME CONSTRAINT "talking_points_owner_id_id_key" TO "talking_points_org_id_id_key";
--> statement-breakpoint
ALTER TABLE "capacity_items" RENAME CONSTRAINT "capacity_items_owner_id_id_key" TO "capacity_items_org_id_id_key";
--> statement-breakpoint
ALTER TABLE "areas" RENAME CONSTRAINT "areas_em_same_owner_fk" TO "areas_em_same_org_fk";
--> statement-breakpoint
ALTER TABLE "areas" RENAME CONSTRAINT "areas_ic_same_owner_fk" TO "areas_ic_same_org_fk";
--> statement-breakpoint
ALTER TABLE "people" RENAME CONSTRAINT "people_manager_same_owner_fk" TO "people_manager_same_org_fk";
--> statement-breakpoint
ALTER TABLE "check_ins" RENAME CONSTRAINT "check_ins_metric_same_owner_fk" TO "check_ins_metric_same_org_fk";
--> statement-breakpoint
ALTER TABLE "metrics" RENAME CONSTRAINT "metrics_target_same_owner_fk" TO "metrics_target_same_org_fk";
--> statement-breakpoint
ALTER TABLE "target_owners" RENAME CONSTRAINT "target_owners_target_same_owner_fk" TO "target_owners_target_same_org_fk";
--> statement-breakpoint
ALTER TABLE "target_owners" RENAME CONSTRAINT "target_owners_person_same_owner_fk" TO "target_owners_person_same_org_fk";
--> statement-breakpoint
ALTER TABLE "targets" RENAME CONSTRAINT "targets_area_same_owner_fk" TO "targets_area_same_org_fk";
--> statement-breakpoint
ALTER TABLE "level_changes" RENAME CONSTRAINT "level_changes_task_same_owner_fk" TO "level_changes_task_same_org_fk";
--> statement-breakpoint
ALTER TABLE "spectrum_levels" RENAME CONSTRAINT "spectrum_levels_spectrum_same_owner_fk" TO "spectrum_levels_spectrum_same_org_fk";
--> statement-breakpoint
ALTER TABLE "tasks" RENAME CONSTRAINT "tasks_person_same_owner_fk" TO "tasks_person_same_org_fk";
--> statement-breakpoint
ALTER TABLE "tasks" RENAME CONSTRAINT "tasks_target_same_owner_fk" TO "tasks_target_same_org_fk";
--> statement-breakpoint
ALTER TABLE "tasks" RENAME CONSTRAINT "tasks_level_same_owner_fk" TO "tasks_level_same_org_fk";
--> statement-breakpoint
ALTER TABLE "action_items" RENAME CONSTRAINT "action_items_person_same_owner_fk" TO "action_items_person_same_org_fk";
--> statement-breakpoint
ALTER TABLE "action_items" RENAME CONSTRAINT "action_items_meeting_same_owner_fk" TO "action_items_meeting_same_org_fk";
--> statement-breakpoint
ALTER TABLE "coaching_notes" RENAME CONSTRAINT "coaching_notes_person_same_owner_fk" TO "coaching_notes_person_same_org_fk";
--> statement-breakpoint
ALTER TABLE "coaching_notes" RENAME CONSTRAINT "coaching_notes_meeting_same_owner_fk" TO "coaching_notes_meeting_same_org_fk";
--> statement-breakpoint
ALTER TABLE "coaching_notes" RENAME CONSTRAINT "coaching_notes_goal_same_owner_fk" TO "coaching_notes_goal_same_org_fk";
--> statement-breakpoint
ALTER TABLE "growth_goals" RENAME CONSTRAINT "growth_goals_person_same_owner_fk" TO "growth_goals_person_same_org_fk";
--> statement-breakpoint
ALTER TABLE "one_on_ones" RENAME CONSTRAINT "one_on_ones_person_same_owner_fk" TO "one_on_ones_person_same_org_fk";
--> statement-breakpoint
ALTER TABLE "talking_points" RENAME CONSTRAINT "talking_points_person_same_owner_fk" TO "talking_points_person_same_org_fk";
--> statement-breakpoint
ALTER TABLE "talking_points" RENAME CONSTRAINT "talking_points_meeting_same_owner_fk" TO "talking_points_meeting_same_org_fk";
--> statement-breakpoint
ALTER INDEX "areas_owner_name_key" RENAME TO "areas_org_name_key";
--> statement-breakpoint
ALTER INDEX "people_owner_email_key" RENAME TO "people_org_email_key";
--> statement-breakpoint
ALTER INDEX "people_owner_manager_idx" RENAME TO "people_org_manager_idx";
--> statement-breakpoint
ALTER INDEX "people_owner_name_idx" RENAME TO "people_org_name_idx";
--> statement-breakpoint
ALTER INDEX "targets_owner_status_idx" RENAME TO "targets_org_status_idx";
--> statement-breakpoint
ALTER INDEX "level_changes_owner_at_idx" RENAME TO "level_changes_org_at_idx";
--> statement-breakpoint
ALTER INDEX "tasks_owner_person_idx" RENAME TO "tasks_org_person_idx";
--> statement-breakpoint
ALTER INDEX "action_items_owner_person_idx" RENAME TO "action_items_org_person_idx";
--> statement-breakpoint
ALTER INDEX "action_items_owner_open_idx" RENAME TO "action_items_org_open_idx";
--> statement-breakpoint
ALTER INDEX "coaching_notes_owner_person_idx" RENAME TO "coaching_notes_org_person_idx";
--> statement-breakpoint
ALTER INDEX "growth_goals_owner_person_idx" RENAME TO "growth_goals_org_person_idx";
--> statement-breakpoint
ALTER INDEX "one_on_ones_owner_person_scheduled_idx" RENAME TO "one_on_ones_org_person_scheduled_idx";
--> statement-breakpoint
ALTER INDEX "one_on_ones_owner_scheduled_idx" RENAME TO "one_on_ones_org_scheduled_idx";
--> statement-breakpoint
ALTER INDEX "talking_points_owner_person_idx" RENAME TO "talking_points_org_person_idx";
--> statement-breakpoint
DROP INDEX "api_tokens_owner_idx";
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "user_id" uuid;
--> statement-breakpoint
UPDATE "api_tokens" SET "user_id" = "org_id";
--> statement-breakpoint
ALTER TABLE "api_tokens" ALTER COLUMN "user_id" SET NOT NULL;
--> statement-breakpoint
DROP INDEX "capacity_items_owner_week_idx";
--> statement-breakpoint
ALTER TABLE "energy_entries" DROP CONSTRAINT "energy_entries_owner_day_slot_key";
--> statement-breakpoint
ALTER TABLE "capacity_weeks" DROP CONSTRAINT "capacity_weeks_owner_id_week_start_pk";
--> statement-breakpoint
ALTER TABLE "energy_days" DROP CONSTRAINT "energy_days_owner_id_day_pk";
--> statement-breakpoint
ALTER TABLE "weekly_reviews" DROP CONSTRAINT "weekly_reviews_owner_id_week_start_pk";
--> statement-breakpoint
ALTER TABLE "capacity_items" ADD COLUMN "user_id" uuid;
--> statement-breakpoint
UPDATE "capacity_items" SET "user_id" = "org_id";
--> statement-breakpoint
ALTER TABLE "capacity_items" ALTER COLUMN "user_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "capacity_weeks" ADD COLUMN "user_id" uuid;
--> statement-breakpoint
UPDATE "capacity_weeks" SET "user_id" = "org_id";
--> statement-breakpoint
ALTER TABLE "capacity_weeks" ALTER COLUMN "user_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "energy_days" ADD COLUMN "user_id" uuid;
--> statement-breakpoint
UPDATE "energy_days" SET "user_id" = "org_id";
--> statement-breakpoint
ALTER TABLE "energy_days" ALTER COLUMN "user_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "energy_entries" ADD COLUMN "user_id" uuid;
--> statement-breakpoint
UPDATE "energy_entries" SET "user_id" = "org_id";
--> statement-breakpoint
ALTER TABLE "energy_entries" ALTER COLUMN "user_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "weekly_reviews" ADD COLUMN "user_id" uuid;
--> statement-breakpoint
UPDATE "weekly_reviews" SET "user_id" = "org_id";
--> statement-breakpoint
ALTER TABLE "weekly_reviews" ALTER COLUMN "user_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "capacity_weeks" ADD CONSTRAINT "capacity_weeks_org_id_user_id_week_start_pk" PRIMARY KEY("org_id","user_id","week_start");
--> statement-breakpoint
ALTER TABLE "energy_days" ADD CONSTRAINT "energy_days_org_id_user_id_day_pk" PRIMARY KEY("org_id","user_id","day");
--> statement-breakpoint
ALTER TABLE "weekly_reviews" ADD CONSTRAINT "weekly_reviews_org_id_user_id_week_start_pk" PRIMARY KEY("org_id","user_id","week_start");
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "last_org_id" uuid;
--> statement-breakpoint
UPDATE "users" SET "last_org_id" = "id";
--> statement-breakpoint
WITH "tops" AS (
  INSERT INTO "people" ("org_id", "name", "email", "track", "level", "cadence")
  SELECT u."id", u."name",
    CASE WHEN EXISTS (SELECT 1 FROM "people" p WHERE p."org_id" = u."id" AND p."email" = u."email") THEN NULL ELSE u."email" END,
    'manager', 'director', 'fortnightly'
  FROM "users" u
  RETURNING "id", "org_id"
)
INSERT INTO "memberships" ("org_id", "user_id", "person_id", "role")
  SELECT "org_id", "org_id", "id", 'admin' FROM "tops";
--> statement-breakpoint
UPDATE "people" p SET "manager_id" = m."person_id"
  FROM "memberships" m
  WHERE m."org_id" = p."org_id" AND p."manager_id" IS NULL AND p."id" <> m."person_id";
--> statement-breakpoint
ALTER TABLE "one_on_ones" ADD COLUMN "manager_person_id" uuid;
--> statement-breakpoint
UPDATE "one_on_ones" x SET "manager_person_id" = m."person_id" FROM "memberships" m WHERE m."org_id" = x."org_id";
--> statement-breakpoint
ALTER TABLE "one_on_ones" ALTER COLUMN "manager_person_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "coaching_notes" ADD COLUMN "author_person_id" uuid;
--> statement-breakpoint
UPDATE "coaching_notes" x SET "author_person_id" = m."person_id" FROM "memberships" m WHERE m."org_id" = x."org_id";
--> statement-breakpoint
ALTER TABLE "coaching_notes" ALTER COLUMN "author_person_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "targets" ADD COLUMN "controller_person_id" uuid;
--> statement-breakpoint
UPDATE "targets" x SET "controller_person_id" = m."person_id" FROM "memberships" m WHERE m."org_id" = x."org_id";
--> statement-breakpoint
ALTER TABLE "targets" ALTER COLUMN "controller_person_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "delegator_person_id" uuid;
--> statement-breakpoint
UPDATE "tasks" x SET "delegator_person_id" = m."person_id" FROM "memberships" m WHERE m."org_id" = x."org_id";
--> statement-breakpoint
ALTER TABLE "tasks" ALTER COLUMN "delegator_person_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "targets" ADD COLUMN "shared_with_org" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "ratings_shared" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
INSERT INTO "person_notes" ("org_id", "person_id", "author_person_id", "body", "updated_at")
  SELECT p."org_id", p."id", m."person_id", p."notes", p."updated_at"
  FROM "people" p JOIN "memberships" m ON m."org_id" = p."org_id"
  WHERE p."notes" IS NOT NULL AND btrim(p."notes") <> '';
--> statement-breakpoint
ALTER TABLE "people" DROP COLUMN "notes";
--> statement-breakpoint
INSERT INTO "person_ancestors" ("org_id", "ancestor_id", "descendant_id", "depth")
  WITH RECURSIVE "chain" AS (
    SELECT "org_id", "id" AS "ancestor_id", "id" AS "descendant_id", 0 AS "depth" FROM "people"
    UNION ALL
    SELECT c."org_id", p."manager_id", c."descendant_id", c."depth" + 1
    FROM "chain" c JOIN "people" p ON p."org_id" = c."org_id" AND p."id" = c."ancestor_id"
    WHERE p."manager_id" IS NOT NULL AND c."depth" < 1000
  )
  SELECT "org_id", "ancestor_id", "descendant_id", "depth" FROM "chain";
--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "ladder_labels";
--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "ladder_version";
--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invited_by_user_id_users_id_fk" FOREIGN KEY ("invited_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_accepted_by_user_id_users_id_fk" FOREIGN KEY ("accepted_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_person_same_org_fk" FOREIGN KEY ("org_id","person_id") REFERENCES "public"."people"("org_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_person_same_org_fk" FOREIGN KEY ("org_id","person_id") REFERENCES "public"."people"("org_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "person_ancestors" ADD CONSTRAINT "person_ancestors_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "person_ancestors" ADD CONSTRAINT "person_ancestors_ancestor_fk" FOREIGN KEY ("org_id","ancestor_id") REFERENCES "public"."people"("org_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "person_ancestors" ADD CONSTRAINT "person_ancestors_descendant_fk" FOREIGN KEY ("org_id","descendant_id") REFERENCES "public"."people"("org_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "person_notes" ADD CONSTRAINT "person_notes_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "person_notes" ADD CONSTRAINT "person_notes_person_fk" FOREIGN KEY ("org_id","person_id") REFERENCES "public"."people"("org_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "person_notes" ADD CONSTRAINT "person_notes_author_fk" FOREIGN KEY ("org_id","author_person_id") REFERENCES "public"."people"("org_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_token_hash_key" ON "invitations" USING btree ("token_hash");
--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_open_person_key" ON "invitations" USING btree ("org_id","person_id") WHERE "invitations"."accepted_at" is null and "invitations"."revoked_at" is null;
--> statement-breakpoint
CREATE INDEX "invitations_invited_by_idx" ON "invitations" USING btree ("invited_by_user_id");
--> statement-breakpoint
CREATE INDEX "invitations_accepted_by_idx" ON "invitations" USING btree ("accepted_by_user_id");
--> statement-breakpoint
CREATE INDEX "memberships_user_idx" ON "memberships" USING btree ("user_id");
--> statement-breakpoint
CREATE INDEX "person_ancestors_descendant_idx" ON "person_ancestors" USING btree ("org_id","descendant_id","depth");
--> statement-breakpoint
CREATE INDEX "person_notes_author_idx" ON "person_notes" USING btree ("org_id","author_person_id");
--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_last_org_id_organisations_id_fk" FOREIGN KEY ("last_org_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_controller_same_org_fk" FOREIGN KEY ("org_id","controller_person_id") REFERENCES "public"."people"("org_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_delegator_same_org_fk" FOREIGN KEY ("org_id","delegator_person_id") REFERENCES "public"."people"("org_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "coaching_notes" ADD CONSTRAINT "coaching_notes_author_same_org_fk" FOREIGN KEY ("org_id","author_person_id") REFERENCES "public"."people"("org_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "one_on_ones" ADD CONSTRAINT "one_on_ones_manager_same_org_fk" FOREIGN KEY ("org_id","manager_person_id") REFERENCES "public"."people"("org_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "capacity_items" ADD CONSTRAINT "capacity_items_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "capacity_weeks" ADD CONSTRAINT "capacity_weeks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "energy_days" ADD CONSTRAINT "energy_days_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "energy_entries" ADD CONSTRAINT "energy_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "weekly_reviews" ADD CONSTRAINT "weekly_reviews_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "api_tokens_org_user_idx" ON "api_tokens" USING btree ("org_id","user_id");
--> statement-breakpoint
CREATE INDEX "api_tokens_user_idx" ON "api_tokens" USING btree ("user_id");
--> statement-breakpoint
CREATE INDEX "targets_org_controller_idx" ON "targets" USING btree ("org_id","controller_person_id");
--> statement-breakpoint
CREATE INDEX "tasks_org_delegator_idx" ON "tasks" USING btree ("org_id","delegator_person_id");
--> statement-breakpoint
CREATE INDEX "coaching_notes_org_author_idx" ON "coaching_notes" USING btree ("org_id","author_person_id");
--> statement-breakpoint
CREATE INDEX "one_on_ones_org_manager_scheduled_idx" ON "one_on_ones" USING btree ("org_id","manager_person_id","scheduled_at");
--> statement-breakpoint
CREATE INDEX "capacity_items_org_user_week_idx" ON "capacity_items" USING btree ("org_id","user_id","week_start");
--> statement-breakpoint
CREATE INDEX "capacity_items_user_idx" ON "capacity_items" USING btree ("user_id");
--> statement-breakpoint
CREATE INDEX "capacity_weeks_user_idx" ON "capacity_weeks" USING btree ("user_id");
--> statement-breakpoint
CREATE INDEX "energy_days_user_idx" ON "energy_days" USING btree ("user_id");
--> statement-breakpoint
CREATE INDEX "energy_entries_user_idx" ON "energy_entries" USING btree ("user_id");
--> statement-breakpoint
CREATE INDEX "weekly_reviews_user_idx" ON "weekly_reviews" USING btree ("user_id");
--> statement-breakpoint
ALTER TABLE "energy_entries" ADD CONSTRAINT "energy_entries_org_user_day_slot_key" UNIQUE("org_id","user_id","day","slot");

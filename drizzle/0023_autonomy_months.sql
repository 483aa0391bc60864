CREATE TABLE "autonomy_months" (
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"delegator_person_id" uuid NOT NULL,
	"month" date NOT NULL,
	"changes" integer NOT NULL,
	"tasks" integer NOT NULL,
	"autonomy_sum" double precision NOT NULL,
	CONSTRAINT "autonomy_months_org_id_person_id_delegator_person_id_month_pk" PRIMARY KEY("org_id","person_id","delegator_person_id","month")
);
--> statement-breakpoint
ALTER TABLE "autonomy_months" ADD CONSTRAINT "autonomy_months_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autonomy_months" ADD CONSTRAINT "autonomy_months_person_fk" FOREIGN KEY ("org_id","person_id") REFERENCES "public"."people"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autonomy_months" ADD CONSTRAINT "autonomy_months_delegator_fk" FOREIGN KEY ("org_id","delegator_person_id") REFERENCES "public"."people"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "autonomy_months_delegator_idx" ON "autonomy_months" USING btree ("org_id","delegator_person_id","person_id","month");--> statement-breakpoint
-- Backfill: the months of every delegatee and delegator from the level history so far, as refreshAutonomyMonths writes them
-- (services/delegation/autonomy-months.write.ts): keep the two in step.
INSERT INTO "autonomy_months" ("org_id", "person_id", "delegator_person_id", "month", "changes", "tasks", "autonomy_sum")
SELECT c."org_id", c."person_id", c."delegator_person_id", c."month", count(*)::int, (count(*) FILTER (WHERE c."prev" IS NULL))::int,
       sum(c."to_autonomy" - coalesce(c."prev", 0))
FROM (
  SELECT lc."org_id", t."person_id", t."delegator_person_id", date_trunc('month', lc."at" AT TIME ZONE 'UTC')::date AS "month", lc."to_autonomy",
         lag(lc."to_autonomy") OVER (PARTITION BY lc."task_id" ORDER BY lc."at", lc."id") AS "prev"
  FROM "level_changes" lc
  JOIN "tasks" t ON t."org_id" = lc."org_id" AND t."id" = lc."task_id"
) c
GROUP BY c."org_id", c."person_id", c."delegator_person_id", c."month";

CREATE TABLE "chart_counts" (
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"direct_reports" integer NOT NULL,
	"total_reports" integer NOT NULL,
	CONSTRAINT "chart_counts_org_id_person_id_pk" PRIMARY KEY("org_id","person_id")
);
--> statement-breakpoint
ALTER TABLE "chart_counts" ADD CONSTRAINT "chart_counts_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chart_counts" ADD CONSTRAINT "chart_counts_person_fk" FOREIGN KEY ("org_id","person_id") REFERENCES "public"."people"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "person_ancestors_ancestor_depth_idx" ON "person_ancestors" USING btree ("org_id","ancestor_id","depth");--> statement-breakpoint
-- Fill the counts from the closure table, as recountChart (services/people/chart.write.ts) does.
INSERT INTO "chart_counts" ("org_id", "person_id", "direct_reports", "total_reports")
SELECT pa."org_id", pa."ancestor_id", count(*) FILTER (WHERE pa."depth" = 1), count(*)
FROM "person_ancestors" pa
JOIN "people" d ON d."org_id" = pa."org_id" AND d."id" = pa."descendant_id"
WHERE pa."depth" > 0 AND d."archived_at" IS NULL
GROUP BY pa."org_id", pa."ancestor_id";

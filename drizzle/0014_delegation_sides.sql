CREATE TABLE "level_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"proposer_person_id" uuid NOT NULL,
	"from_level_id" uuid NOT NULL,
	"from_label" text NOT NULL,
	"to_level_id" uuid NOT NULL,
	"to_label" text NOT NULL,
	"to_autonomy" double precision NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"decision_reason" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "level_proposals_org_id_id_key" UNIQUE("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "poker_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"start_label" text NOT NULL,
	"delegator_level_id" uuid,
	"delegator_label" text,
	"delegator_picked_at" timestamp with time zone,
	"delegatee_level_id" uuid,
	"delegatee_label" text,
	"delegatee_picked_at" timestamp with time zone,
	"agreed_label" text,
	"agreed_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"ended_reason" text,
	CONSTRAINT "poker_items_org_id_id_key" UNIQUE("org_id","id"),
	CONSTRAINT "poker_items_round_task_key" UNIQUE("org_id","round_id","task_id")
);
--> statement-breakpoint
CREATE TABLE "poker_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"delegator_person_id" uuid NOT NULL,
	"delegatee_person_id" uuid NOT NULL,
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "poker_rounds_org_id_id_key" UNIQUE("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "level_proposals" ADD CONSTRAINT "level_proposals_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "level_proposals" ADD CONSTRAINT "level_proposals_task_same_org_fk" FOREIGN KEY ("org_id","task_id") REFERENCES "public"."tasks"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "level_proposals" ADD CONSTRAINT "level_proposals_proposer_same_org_fk" FOREIGN KEY ("org_id","proposer_person_id") REFERENCES "public"."people"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poker_items" ADD CONSTRAINT "poker_items_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poker_items" ADD CONSTRAINT "poker_items_round_same_org_fk" FOREIGN KEY ("org_id","round_id") REFERENCES "public"."poker_rounds"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poker_items" ADD CONSTRAINT "poker_items_task_same_org_fk" FOREIGN KEY ("org_id","task_id") REFERENCES "public"."tasks"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poker_rounds" ADD CONSTRAINT "poker_rounds_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poker_rounds" ADD CONSTRAINT "poker_rounds_delegator_same_org_fk" FOREIGN KEY ("org_id","delegator_person_id") REFERENCES "public"."people"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poker_rounds" ADD CONSTRAINT "poker_rounds_delegatee_same_org_fk" FOREIGN KEY ("org_id","delegatee_person_id") REFERENCES "public"."people"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "level_proposals_one_open_key" ON "level_proposals" USING btree ("org_id","task_id") WHERE "level_proposals"."status" = 'open';--> statement-breakpoint
CREATE INDEX "level_proposals_task_idx" ON "level_proposals" USING btree ("org_id","task_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "poker_items_one_unfinished_key" ON "poker_items" USING btree ("org_id","task_id") WHERE "poker_items"."agreed_at" is null and "poker_items"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "poker_items_task_idx" ON "poker_items" USING btree ("org_id","task_id");--> statement-breakpoint
CREATE INDEX "poker_rounds_delegator_idx" ON "poker_rounds" USING btree ("org_id","delegator_person_id");--> statement-breakpoint
CREATE INDEX "poker_rounds_delegatee_idx" ON "poker_rounds" USING btree ("org_id","delegatee_person_id");
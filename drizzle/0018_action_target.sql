ALTER TABLE "action_items" ADD COLUMN "target_id" uuid;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_target_id_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."targets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_target_same_org_fk" FOREIGN KEY ("org_id","target_id") REFERENCES "public"."targets"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_items_target_idx" ON "action_items" USING btree ("target_id");
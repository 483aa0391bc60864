ALTER TABLE "targets" ADD COLUMN "parent_id" uuid;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_parent_same_org_fk" FOREIGN KEY ("org_id","parent_id") REFERENCES "public"."targets"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "targets_org_parent_idx" ON "targets" USING btree ("org_id","parent_id");
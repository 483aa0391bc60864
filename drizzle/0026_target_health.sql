ALTER TABLE "targets" ADD COLUMN "health_rank" smallint;--> statement-breakpoint
ALTER TABLE "targets" ADD COLUMN "health_valid_until" timestamp with time zone DEFAULT '-infinity' NOT NULL;--> statement-breakpoint
ALTER TABLE "targets" ADD COLUMN "health_judged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "targets" ADD COLUMN "health_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "targets_org_health_idx" ON "targets" USING btree ("org_id","health_rank","due_date","title","id");--> statement-breakpoint
CREATE INDEX "targets_org_health_valid_idx" ON "targets" USING btree ("org_id","health_valid_until");--> statement-breakpoint
CREATE INDEX "targets_org_health_judged_idx" ON "targets" USING btree ("org_id","health_judged_at");--> statement-breakpoint
CREATE INDEX "targets_health_valid_idx" ON "targets" USING btree ("health_valid_until");--> statement-breakpoint
-- A target's stored health is only as good as what it was judged on: any write to its timeline or
-- status, its metrics or their check-ins makes it unknown (null, -infinity) until it is re-judged
-- (services/targets/health.stored.ts), so no writer can leave a stale one behind.
CREATE FUNCTION "targets_health_invalidate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.health_rank := NULL;
    NEW.health_valid_until := '-infinity';
    NEW.health_judged_at := NULL;
  ELSIF (NEW.status, NEW.start_date, NEW.due_date) IS DISTINCT FROM (OLD.status, OLD.start_date, OLD.due_date) THEN
    NEW.health_rank := NULL;
    NEW.health_valid_until := '-infinity';
    NEW.health_judged_at := NULL;
    NEW.health_version := OLD.health_version + 1;
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "targets_health_invalidate" BEFORE INSERT OR UPDATE ON "targets"
  FOR EACH ROW EXECUTE FUNCTION "targets_health_invalidate"();--> statement-breakpoint
CREATE FUNCTION "targets_health_invalidate_ids"(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "targets" SET "health_rank" = NULL, "health_valid_until" = '-infinity', "health_judged_at" = NULL, "health_version" = "health_version" + 1
  WHERE "id" = ANY(ids);
$$;--> statement-breakpoint
-- Statement triggers with transition tables: a bulk insert of check-ins touches each target once.
-- (A transition table belongs to one event, hence one trigger per event.)
CREATE FUNCTION "metrics_health_invalidate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "targets_health_invalidate_ids"(ARRAY(SELECT DISTINCT target_id FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM "targets_health_invalidate_ids"(ARRAY(SELECT target_id FROM new_rows UNION SELECT target_id FROM old_rows));
  ELSE
    PERFORM "targets_health_invalidate_ids"(ARRAY(SELECT DISTINCT target_id FROM old_rows));
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "metrics_health_insert" AFTER INSERT ON "metrics" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "metrics_health_invalidate"();--> statement-breakpoint
CREATE TRIGGER "metrics_health_update" AFTER UPDATE ON "metrics" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "metrics_health_invalidate"();--> statement-breakpoint
CREATE TRIGGER "metrics_health_delete" AFTER DELETE ON "metrics" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "metrics_health_invalidate"();--> statement-breakpoint
CREATE FUNCTION "check_ins_health_invalidate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "targets_health_invalidate_ids"(ARRAY(
      SELECT DISTINCT m.target_id FROM "metrics" m WHERE m.id IN (SELECT metric_id FROM new_rows)));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM "targets_health_invalidate_ids"(ARRAY(
      SELECT DISTINCT m.target_id FROM "metrics" m
      WHERE m.id IN (SELECT metric_id FROM new_rows UNION SELECT metric_id FROM old_rows)));
  ELSE
    PERFORM "targets_health_invalidate_ids"(ARRAY(
      SELECT DISTINCT m.target_id FROM "metrics" m WHERE m.id IN (SELECT metric_id FROM old_rows)));
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "check_ins_health_insert" AFTER INSERT ON "check_ins" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "check_ins_health_invalidate"();--> statement-breakpoint
CREATE TRIGGER "check_ins_health_update" AFTER UPDATE ON "check_ins" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "check_ins_health_invalidate"();--> statement-breakpoint
CREATE TRIGGER "check_ins_health_delete" AFTER DELETE ON "check_ins" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "check_ins_health_invalidate"();

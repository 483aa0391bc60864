ALTER TABLE "metrics" ADD COLUMN "latest_value" double precision;--> statement-breakpoint
ALTER TABLE "metrics" ADD COLUMN "latest_at" timestamp with time zone;--> statement-breakpoint
-- A metric's latest check-in (value and time) on its own row, so that a tree or a list reads a
-- metric's health and progress without a lookup in check_ins (issue #20). Kept here, in the
-- database, because check-ins have many writers (a check-in, bulk paste, the REST API, imports,
-- Prometheus pulls, edits, deletes and their undo): every insert, update or delete of check-ins
-- re-reads the latest of the metrics it touched (one entry of check_ins_metric_at_idx each).
-- The latest is the greatest `at`; equal times are told apart by the greater id.
CREATE FUNCTION "metrics_latest_refresh"(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "metrics" m SET "latest_value" = l.value, "latest_at" = l.at
  FROM "metrics" s
  LEFT JOIN LATERAL (
    SELECT c."value", c."at" FROM "check_ins" c
    WHERE c."org_id" = s."org_id" AND c."metric_id" = s."id"
    ORDER BY c."at" DESC, c."id" DESC LIMIT 1
  ) l ON true
  WHERE s."id" = ANY(ids) AND m."org_id" = s."org_id" AND m."id" = s."id"
    AND (m."latest_value", m."latest_at") IS DISTINCT FROM (l.value, l.at);
$$;--> statement-breakpoint
-- A metric's latest changes only with its check-ins, whose own triggers (0026) already make the
-- target's health unknown: an update of the metric makes it unknown only when something else of the
-- row changed (its shape, its target, its version), so a check-in bumps the health version once, and
-- the backfill below leaves every stored health as it is (the values it copies are those judged on).
CREATE OR REPLACE FUNCTION "metrics_health_invalidate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "targets_health_invalidate_ids"(ARRAY(SELECT DISTINCT target_id FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM "targets_health_invalidate_ids"(ARRAY(
      SELECT n.target_id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (to_jsonb(n) - 'latest_value' - 'latest_at') IS DISTINCT FROM (to_jsonb(o) - 'latest_value' - 'latest_at')
      UNION
      SELECT o.target_id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (to_jsonb(n) - 'latest_value' - 'latest_at') IS DISTINCT FROM (to_jsonb(o) - 'latest_value' - 'latest_at')));
  ELSE
    PERFORM "targets_health_invalidate_ids"(ARRAY(SELECT DISTINCT target_id FROM old_rows));
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
UPDATE "metrics" m SET "latest_value" = l.value, "latest_at" = l.at
FROM "metrics" s
JOIN LATERAL (
  SELECT c."value", c."at" FROM "check_ins" c
  WHERE c."org_id" = s."org_id" AND c."metric_id" = s."id"
  ORDER BY c."at" DESC, c."id" DESC LIMIT 1
) l ON true
WHERE m."org_id" = s."org_id" AND m."id" = s."id";--> statement-breakpoint
CREATE FUNCTION "check_ins_latest_refresh"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "metrics_latest_refresh"(ARRAY(SELECT DISTINCT metric_id FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM "metrics_latest_refresh"(ARRAY(SELECT metric_id FROM new_rows UNION SELECT metric_id FROM old_rows));
  ELSE
    PERFORM "metrics_latest_refresh"(ARRAY(SELECT DISTINCT metric_id FROM old_rows));
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "check_ins_latest_insert" AFTER INSERT ON "check_ins" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "check_ins_latest_refresh"();--> statement-breakpoint
CREATE TRIGGER "check_ins_latest_update" AFTER UPDATE ON "check_ins" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "check_ins_latest_refresh"();--> statement-breakpoint
CREATE TRIGGER "check_ins_latest_delete" AFTER DELETE ON "check_ins" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "check_ins_latest_refresh"();--> statement-breakpoint
-- Only the triggers above write the latest: a new metric has no check-ins yet, and a write of the
-- metric itself (an edit, an import's row) keeps what check_ins say. A trigger's own update runs
-- one level down (pg_trigger_depth() > 1 here).
CREATE FUNCTION "metrics_latest_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.latest_value := NULL;
    NEW.latest_at := NULL;
  ELSIF pg_trigger_depth() <= 1 THEN
    NEW.latest_value := OLD.latest_value;
    NEW.latest_at := OLD.latest_at;
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "metrics_latest_guard" BEFORE INSERT OR UPDATE ON "metrics"
  FOR EACH ROW EXECUTE FUNCTION "metrics_latest_guard"();

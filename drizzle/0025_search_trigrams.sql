-- pg_trgm: a trusted extension since PostgreSQL 13 (a database owner may create it), in Debian's postgresql package,
-- and loaded by the app into PGlite (src/server/db/factory.ts). Its GIN indexes answer the search's ILIKE.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "areas_name_trgm_idx" ON "areas" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "people_name_trgm_idx" ON "people" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "targets_title_trgm_idx" ON "targets" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "action_items_title_trgm_idx" ON "action_items" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "coaching_notes_body_trgm_idx" ON "coaching_notes" USING gin ("body" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "coaching_notes_situation_trgm_idx" ON "coaching_notes" USING gin ("situation" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "coaching_notes_behaviour_trgm_idx" ON "coaching_notes" USING gin ("behaviour" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "coaching_notes_impact_trgm_idx" ON "coaching_notes" USING gin ("impact" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "talking_points_body_trgm_idx" ON "talking_points" USING gin ("body" gin_trgm_ops);
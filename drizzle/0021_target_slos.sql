CREATE TABLE "target_slos" (
	"org_id" uuid NOT NULL,
	"target_id" uuid PRIMARY KEY NOT NULL,
	"spec" jsonb NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "target_slos" ADD CONSTRAINT "target_slos_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_slos" ADD CONSTRAINT "target_slos_target_id_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."targets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_slos" ADD CONSTRAINT "target_slos_target_same_org_fk" FOREIGN KEY ("org_id","target_id") REFERENCES "public"."targets"("org_id","id") ON DELETE cascade ON UPDATE no action;
CREATE TABLE "uploads" (
	"key" text PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"size" integer,
	"content_type" text,
	"created_at" timestamp with time zone NOT NULL,
	"referenced_at" timestamp with time zone,
	"problem_id" uuid
);
--> statement-breakpoint
ALTER TABLE "uploads" ADD CONSTRAINT "uploads_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uploads" ADD CONSTRAINT "uploads_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "uploads_owner" ON "uploads" USING btree ("owner_id","created_at");--> statement-breakpoint
CREATE INDEX "uploads_unreferenced" ON "uploads" USING btree ("created_at") WHERE "uploads"."referenced_at" IS NULL;--> statement-breakpoint
-- Photos problems already refer to were uploaded before this table: recorded as their submitters', referenced, kept.
INSERT INTO "uploads" ("key", "owner_id", "size", "content_type", "created_at", "referenced_at", "problem_id")
SELECT DISTINCT ON (photo.key) photo.key, p.submitted_by, NULL,
  CASE WHEN photo.key LIKE 'uploads/%.jpg' THEN 'image/jpeg' WHEN photo.key LIKE 'uploads/%.png' THEN 'image/png' WHEN photo.key LIKE 'uploads/%.webp' THEN 'image/webp' END,
  p.created_at, p.created_at, p.id
FROM "problems" p CROSS JOIN LATERAL unnest(p.photos) AS photo(key)
ORDER BY photo.key, p.created_at
ON CONFLICT ("key") DO NOTHING;

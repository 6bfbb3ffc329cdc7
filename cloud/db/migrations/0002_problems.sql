CREATE SEQUENCE "public"."problem_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "commissioner_assignments" (
	"commissioner_id" uuid NOT NULL,
	"holder_id" uuid NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"commissioner_id" uuid NOT NULL,
	"holder_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"note" text NOT NULL,
	"idempotency_key" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "problem_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"problem_id" uuid NOT NULL,
	"actor_id" uuid,
	"actor_role" text NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"note" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "problems" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"category" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"photos" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"holder_id" uuid NOT NULL,
	"submitted_by" uuid NOT NULL,
	"booking_id" uuid,
	"reply" text,
	"deferral_explanation" text,
	"deferral_suggestion" text,
	"next_step_kind" text,
	"next_step_date" date,
	"department_id" uuid,
	"leader_id" uuid,
	"plan" text,
	"resolution" text,
	"escalated" boolean DEFAULT false NOT NULL,
	"overdue" boolean DEFAULT false NOT NULL,
	"overdue_marked" text[] DEFAULT '{}'::text[] NOT NULL,
	"assigned_at" timestamp with time zone,
	"sign_by" timestamp with time zone,
	"resolve_by" timestamp with time zone,
	"signed_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 0 NOT NULL,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "problems_number_unique" UNIQUE("number")
);
--> statement-breakpoint
ALTER TABLE "commissioner_assignments" ADD CONSTRAINT "commissioner_assignments_commissioner_id_users_id_fk" FOREIGN KEY ("commissioner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissioner_assignments" ADD CONSTRAINT "commissioner_assignments_holder_id_holders_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."holders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_commissioner_id_users_id_fk" FOREIGN KEY ("commissioner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_holder_id_holders_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."holders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_events" ADD CONSTRAINT "problem_events_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_events" ADD CONSTRAINT "problem_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_holder_id_holders_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."holders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_leader_id_users_id_fk" FOREIGN KEY ("leader_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "commissioner_assignments_pair" ON "commissioner_assignments" USING btree ("commissioner_id","holder_id");--> statement-breakpoint
CREATE INDEX "commissioner_assignments_holder" ON "commissioner_assignments" USING btree ("holder_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contacts_idempotency" ON "contacts" USING btree ("commissioner_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "contacts_holder" ON "contacts" USING btree ("holder_id","at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "problem_events_problem" ON "problem_events" USING btree ("problem_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "problems_idempotency" ON "problems" USING btree ("submitted_by","idempotency_key");--> statement-breakpoint
CREATE INDEX "problems_ledger" ON "problems" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "problems_status_ledger" ON "problems" USING btree ("status","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "problems_department_ledger" ON "problems" USING btree ("department_id","status","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "problems_category_ledger" ON "problems" USING btree ("category","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "problems_leader_ledger" ON "problems" USING btree ("leader_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "problems_holder" ON "problems" USING btree ("holder_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "problems_overdue_ledger" ON "problems" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "problems"."overdue";--> statement-breakpoint
CREATE INDEX "problems_escalated_ledger" ON "problems" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "problems"."escalated";--> statement-breakpoint
CREATE INDEX "problems_open_rounds" ON "problems" USING btree ("sign_by","resolve_by") WHERE "problems"."status" IN ('assigned', 'in_progress');
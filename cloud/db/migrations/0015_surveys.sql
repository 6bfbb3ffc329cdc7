CREATE TABLE "survey_answers" (
	"survey_id" uuid NOT NULL,
	"sheet_id" uuid NOT NULL,
	"item_id" text NOT NULL,
	"level" smallint,
	"choices" text[],
	"text" text,
	CONSTRAINT "survey_answers_sheet_id_item_id_pk" PRIMARY KEY("sheet_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "survey_problems" (
	"survey_id" uuid NOT NULL,
	"item_id" text NOT NULL,
	"problem_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "survey_problems_survey_id_item_id_pk" PRIMARY KEY("survey_id","item_id"),
	CONSTRAINT "survey_problems_problem_id_unique" UNIQUE("problem_id")
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"survey_id" uuid NOT NULL,
	"holder_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"idempotency_key" text NOT NULL,
	"answered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "survey_responses_once" PRIMARY KEY("survey_id","holder_id")
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"sections" jsonb NOT NULL,
	"card_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"industries" text[] DEFAULT '{}'::text[] NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"finding_threshold" double precision NOT NULL,
	"status" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"closed_on" date
);
--> statement-breakpoint
ALTER TABLE "problems" ALTER COLUMN "holder_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_problems" ADD CONSTRAINT "survey_problems_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_problems" ADD CONSTRAINT "survey_problems_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_problems" ADD CONSTRAINT "survey_problems_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_problems" ADD CONSTRAINT "survey_problems_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_holder_id_holders_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."holders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "survey_answers_survey" ON "survey_answers" USING btree ("survey_id","item_id");--> statement-breakpoint
CREATE INDEX "surveys_created" ON "surveys" USING btree ("created_at");--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_holder_unless_survey" CHECK ("problems"."holder_id" IS NOT NULL OR "problems"."source" = 'survey');
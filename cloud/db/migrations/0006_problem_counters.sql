CREATE TABLE "problem_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
-- Numbers already given stay valid: each year's counter continues from the highest number it holds.
INSERT INTO "problem_counters" ("year", "last")
SELECT substring("number" from 2 for 4)::integer, max(substring("number" from 7)::integer) FROM "problems" WHERE "number" ~ '^P[0-9]{4}-[0-9]+$' GROUP BY 1;
--> statement-breakpoint
DROP SEQUENCE "public"."problem_number_seq";
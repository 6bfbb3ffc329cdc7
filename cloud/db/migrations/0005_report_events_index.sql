DROP INDEX "problem_events_action_at";--> statement-breakpoint
CREATE INDEX "problem_events_action_at" ON "problem_events" USING btree ("action","at");
DROP INDEX "problems_ledger";--> statement-breakpoint
DROP INDEX "problems_status_ledger";--> statement-breakpoint
DROP INDEX "problems_department_ledger";--> statement-breakpoint
DROP INDEX "problems_category_ledger";--> statement-breakpoint
DROP INDEX "problems_leader_ledger";--> statement-breakpoint
DROP INDEX "problems_overdue_ledger";--> statement-breakpoint
DROP INDEX "problems_escalated_ledger";--> statement-breakpoint
CREATE INDEX "problems_department_status_ledger" ON "problems" USING btree ("department_id","status","created_at" DESC NULLS LAST,"id" DESC NULLS LAST,"category","leader_id","overdue","escalated");--> statement-breakpoint
CREATE INDEX "problems_leader_category_ledger" ON "problems" USING btree ("leader_id","category","created_at" DESC NULLS LAST,"id" DESC NULLS LAST,"status","department_id","overdue","escalated");--> statement-breakpoint
CREATE INDEX "problems_ledger" ON "problems" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST,"status","category","department_id","leader_id","overdue","escalated");--> statement-breakpoint
CREATE INDEX "problems_status_ledger" ON "problems" USING btree ("status","created_at" DESC NULLS LAST,"id" DESC NULLS LAST,"category","department_id","leader_id","overdue","escalated");--> statement-breakpoint
CREATE INDEX "problems_department_ledger" ON "problems" USING btree ("department_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST,"status","category","leader_id","overdue","escalated");--> statement-breakpoint
CREATE INDEX "problems_category_ledger" ON "problems" USING btree ("category","created_at" DESC NULLS LAST,"id" DESC NULLS LAST,"status","department_id","leader_id","overdue","escalated");--> statement-breakpoint
CREATE INDEX "problems_leader_ledger" ON "problems" USING btree ("leader_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST,"status","category","department_id","overdue","escalated");--> statement-breakpoint
CREATE INDEX "problems_overdue_ledger" ON "problems" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST,"status","category","department_id","leader_id","escalated") WHERE "problems"."overdue";--> statement-breakpoint
CREATE INDEX "problems_escalated_ledger" ON "problems" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST,"status","category","department_id","leader_id","overdue") WHERE "problems"."escalated";
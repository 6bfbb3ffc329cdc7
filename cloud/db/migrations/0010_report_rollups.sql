CREATE TABLE "report_categories" (
	"day" date NOT NULL,
	"category" text NOT NULL,
	"submitted" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_categories_day_category_pk" PRIMARY KEY("day","category")
);
--> statement-breakpoint
CREATE TABLE "report_contributions" (
	"problem_id" uuid NOT NULL,
	"day" date NOT NULL,
	"department_id" uuid NOT NULL,
	"since" date NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"answered" integer DEFAULT 0 NOT NULL,
	"resolved" integer DEFAULT 0 NOT NULL,
	"resolved_on_time" integer DEFAULT 0 NOT NULL,
	"signed" integer DEFAULT 0 NOT NULL,
	"signed_on_time" integer DEFAULT 0 NOT NULL,
	"overdue" integer DEFAULT 0 NOT NULL,
	"escalated" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_contributions_problem_id_day_department_id_since_pk" PRIMARY KEY("problem_id","day","department_id","since")
);
--> statement-breakpoint
CREATE TABLE "report_days" (
	"day" date NOT NULL,
	"department_id" uuid NOT NULL,
	"since" date NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"answered" integer DEFAULT 0 NOT NULL,
	"resolved" integer DEFAULT 0 NOT NULL,
	"resolved_on_time" integer DEFAULT 0 NOT NULL,
	"signed" integer DEFAULT 0 NOT NULL,
	"signed_on_time" integer DEFAULT 0 NOT NULL,
	"overdue" integer DEFAULT 0 NOT NULL,
	"escalated" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_days_day_department_id_since_pk" PRIMARY KEY("day","department_id","since")
);
--> statement-breakpoint
CREATE TABLE "report_past_rounds" (
	"problem_id" uuid NOT NULL,
	"event_id" bigint PRIMARY KEY NOT NULL,
	"department_id" uuid,
	"action" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"category" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "report_past_rounds_problem" ON "report_past_rounds" USING btree ("problem_id");--> statement-breakpoint
CREATE INDEX "report_past_rounds_at" ON "report_past_rounds" USING btree ("at");--> statement-breakpoint
-- What the given problems add to the report rollups (schema.ts, report_contributions), recomputed from their counted
-- events and current state with the definitions of report.figures.queries.ts: the department of an answer, sign or
-- resolve is its actor's, of the rest the problem's; a sign or resolve is on time in the problem's current round when
-- no later than the stored deadline, and listed in report_past_rounds when it belongs to a past round. Days are
-- Shanghai days (a fixed +8 hours: China has no DST). Takes away what they added before, then adds what they add now.
CREATE FUNCTION report_recompute(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(ids) IS NULL OR cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  WITH gone AS (
    DELETE FROM report_contributions WHERE problem_id = ANY (ids)
    RETURNING day, department_id, since, received, answered, resolved, resolved_on_time, signed, signed_on_time, overdue, escalated
  )
  INSERT INTO report_days AS r (day, department_id, since, received, answered, resolved, resolved_on_time, signed, signed_on_time, overdue, escalated)
  SELECT day, department_id, since, -sum(received), -sum(answered), -sum(resolved), -sum(resolved_on_time), -sum(signed),
         -sum(signed_on_time), -sum(overdue), -sum(escalated)
    FROM gone GROUP BY day, department_id, since ORDER BY day, department_id, since
  ON CONFLICT (day, department_id, since) DO UPDATE SET
    received = r.received + excluded.received, answered = r.answered + excluded.answered, resolved = r.resolved + excluded.resolved,
    resolved_on_time = r.resolved_on_time + excluded.resolved_on_time, signed = r.signed + excluded.signed,
    signed_on_time = r.signed_on_time + excluded.signed_on_time, overdue = r.overdue + excluded.overdue, escalated = r.escalated + excluded.escalated;

  WITH ev AS (
    SELECT e.problem_id, e.action, e.to_status, e.at, ((e.at AT TIME ZONE 'UTC') + interval '8 hours')::date AS day,
           CASE WHEN e.action IN ('answer', 'sign', 'resolve') THEN u.department_id ELSE p.department_id END AS department_id,
           p.sign_by, p.resolve_by, p.assigned_at
      FROM problem_events e
      JOIN problems p ON p.id = e.problem_id
      LEFT JOIN users u ON u.id = e.actor_id
     WHERE e.problem_id = ANY (ids)
       AND e.action IN ('answer', 'assign', 'reassign', 'reopen', 'sign', 'resolve', 'markOverdue', 'escalate')
  ),
  -- Each problem once per department and range: the days it had such an event, each with the one before.
  marked AS (
    SELECT DISTINCT problem_id, department_id, day,
           CASE action WHEN 'markOverdue' THEN 'overdue' WHEN 'escalate' THEN 'escalated' ELSE 'received' END AS figure
      FROM ev
     WHERE action IN ('answer', 'markOverdue', 'escalate')
        OR (action IN ('assign', 'reassign', 'reopen') AND to_status = 'assigned' AND department_id IS NOT NULL)
  ),
  parts AS (
    SELECT problem_id, day, department_id,
           COALESCE(lag(day) OVER (PARTITION BY problem_id, department_id, figure ORDER BY day), '-infinity'::date) AS since,
           (figure = 'received')::int AS received, 0 AS answered, 0 AS resolved, 0 AS resolved_on_time, 0 AS signed,
           0 AS signed_on_time, (figure = 'overdue')::int AS overdue, (figure = 'escalated')::int AS escalated
      FROM marked
    UNION ALL
    SELECT problem_id, day, department_id, '-infinity'::date, 0, (action = 'answer')::int, (action = 'resolve')::int,
           COALESCE(action = 'resolve' AND at >= assigned_at AND at <= resolve_by, false)::int, (action = 'sign')::int,
           COALESCE(action = 'sign' AND at >= assigned_at AND at <= sign_by, false)::int, 0, 0
      FROM ev
     WHERE action IN ('answer', 'sign', 'resolve')
  ),
  added AS (
    INSERT INTO report_contributions (problem_id, day, department_id, since, received, answered, resolved, resolved_on_time, signed,
                                      signed_on_time, overdue, escalated)
    SELECT problem_id, day, COALESCE(department_id, '00000000-0000-0000-0000-000000000000'), since, sum(received), sum(answered),
           sum(resolved), sum(resolved_on_time), sum(signed), sum(signed_on_time), sum(overdue), sum(escalated)
      FROM parts GROUP BY problem_id, day, COALESCE(department_id, '00000000-0000-0000-0000-000000000000'), since
    RETURNING day, department_id, since, received, answered, resolved, resolved_on_time, signed, signed_on_time, overdue, escalated
  )
  INSERT INTO report_days AS r (day, department_id, since, received, answered, resolved, resolved_on_time, signed, signed_on_time, overdue, escalated)
  SELECT day, department_id, since, sum(received), sum(answered), sum(resolved), sum(resolved_on_time), sum(signed),
         sum(signed_on_time), sum(overdue), sum(escalated)
    FROM added GROUP BY day, department_id, since ORDER BY day, department_id, since
  ON CONFLICT (day, department_id, since) DO UPDATE SET
    received = r.received + excluded.received, answered = r.answered + excluded.answered, resolved = r.resolved + excluded.resolved,
    resolved_on_time = r.resolved_on_time + excluded.resolved_on_time, signed = r.signed + excluded.signed,
    signed_on_time = r.signed_on_time + excluded.signed_on_time, overdue = r.overdue + excluded.overdue, escalated = r.escalated + excluded.escalated;

  DELETE FROM report_past_rounds WHERE problem_id = ANY (ids);
  INSERT INTO report_past_rounds (problem_id, event_id, department_id, action, at, category)
  SELECT e.problem_id, e.id, u.department_id, e.action, e.at, p.category
    FROM problem_events e
    JOIN problems p ON p.id = e.problem_id
    LEFT JOIN users u ON u.id = e.actor_id
   WHERE e.problem_id = ANY (ids) AND e.action IN ('sign', 'resolve') AND (p.assigned_at IS NULL OR e.at < p.assigned_at);
END
$$;
--> statement-breakpoint
CREATE FUNCTION report_events_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_recompute(ARRAY(
    SELECT DISTINCT problem_id FROM new_events
     WHERE action IN ('answer', 'assign', 'reassign', 'reopen', 'sign', 'resolve', 'markOverdue', 'escalate')));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER report_events_inserted AFTER INSERT ON problem_events REFERENCING NEW TABLE AS new_events
  FOR EACH STATEMENT EXECUTE FUNCTION report_events_inserted();
--> statement-breakpoint
-- Problems by submission day and category.
CREATE FUNCTION report_problems_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_categories AS r (day, category, submitted)
  SELECT ((created_at AT TIME ZONE 'UTC') + interval '8 hours')::date AS day, category, count(*)
    FROM new_problems GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT (day, category) DO UPDATE SET submitted = r.submitted + excluded.submitted;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER report_problems_inserted AFTER INSERT ON problems REFERENCING NEW TABLE AS new_problems
  FOR EACH STATEMENT EXECUTE FUNCTION report_problems_inserted();
--> statement-breakpoint
-- A problem's department, round or deadlines changed (assign, reassign, reopen, send back): every figure its events
-- gave moves with it.
CREATE FUNCTION report_problems_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_recompute(ARRAY(
    SELECT n.id FROM new_problems n JOIN old_problems o ON o.id = n.id
     WHERE (n.department_id, n.assigned_at, n.sign_by, n.resolve_by, n.category)
           IS DISTINCT FROM (o.department_id, o.assigned_at, o.sign_by, o.resolve_by, o.category)));
  INSERT INTO report_categories AS r (day, category, submitted)
  SELECT day, category, sum(n) FROM (
    SELECT ((created_at AT TIME ZONE 'UTC') + interval '8 hours')::date AS day, category, 1 AS n FROM new_problems
    UNION ALL
    SELECT ((created_at AT TIME ZONE 'UTC') + interval '8 hours')::date, category, -1 FROM old_problems
  ) c
  GROUP BY day, category HAVING sum(n) <> 0 ORDER BY day, category
  ON CONFLICT (day, category) DO UPDATE SET submitted = r.submitted + excluded.submitted;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER report_problems_updated AFTER UPDATE ON problems REFERENCING OLD TABLE AS old_problems NEW TABLE AS new_problems
  FOR EACH STATEMENT EXECUTE FUNCTION report_problems_updated();
--> statement-breakpoint
-- A person moved to another department: their answers, signs and resolves count for the new one.
CREATE FUNCTION report_users_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM new_users n JOIN old_users o ON o.id = n.id WHERE n.department_id IS DISTINCT FROM o.department_id) THEN
    PERFORM report_recompute(ARRAY(
      SELECT DISTINCT e.problem_id FROM problem_events e
        JOIN new_users n ON n.id = e.actor_id JOIN old_users o ON o.id = n.id
       WHERE n.department_id IS DISTINCT FROM o.department_id AND e.action IN ('answer', 'sign', 'resolve')));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER report_users_updated AFTER UPDATE ON users REFERENCING OLD TABLE AS old_users NEW TABLE AS new_users
  FOR EACH STATEMENT EXECUTE FUNCTION report_users_updated();
--> statement-breakpoint
-- The rollups of the data already there.
SELECT report_recompute(ARRAY(SELECT DISTINCT problem_id FROM problem_events));
--> statement-breakpoint
INSERT INTO report_categories (day, category, submitted)
SELECT ((created_at AT TIME ZONE 'UTC') + interval '8 hours')::date, category, count(*) FROM problems GROUP BY 1, 2;

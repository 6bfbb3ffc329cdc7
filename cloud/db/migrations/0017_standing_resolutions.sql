-- 办结 counts a resolution that stands: a resolve followed by a reopen of the same problem is taken back (the holder
-- did not accept it), so a problem resolved, reopened and resolved again counts once, in the month of the last
-- resolve. report_recompute as in 0010_report_rollups, but resolves with a later reopen count for nothing; the reopen
-- event itself already recomputes its problem, so the rollups follow from here on.
CREATE OR REPLACE FUNCTION report_recompute(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
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
           p.sign_by, p.resolve_by, p.assigned_at,
           COALESCE(bool_or(e.action = 'reopen') OVER (PARTITION BY e.problem_id ORDER BY e.at, e.id
                                                      ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING), false) AS reopened_later
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
     WHERE action IN ('answer', 'sign') OR (action = 'resolve' AND NOT reopened_later)
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
   WHERE e.problem_id = ANY (ids) AND e.action IN ('sign', 'resolve') AND (p.assigned_at IS NULL OR e.at < p.assigned_at)
     AND NOT (e.action = 'resolve' AND EXISTS (
           SELECT 1 FROM problem_events r WHERE r.problem_id = e.problem_id AND r.action = 'reopen' AND (r.at, r.id) > (e.at, e.id)));
END
$$;
--> statement-breakpoint
-- The rollups of the problems reopened so far.
SELECT report_recompute(ARRAY(SELECT DISTINCT problem_id FROM problem_events WHERE action = 'reopen'));

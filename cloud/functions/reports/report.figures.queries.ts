import { sql } from 'drizzle-orm'
import { emptyCounts, type FigureCounts } from '../../../src/core/report/report.figures'
import type { Tx } from '../../db/store'

/**
 * The figures of DESIGN.md §2 "Reports", per department, over an instant range [from, to) — a Shanghai month for the
 * monthly report, any span of days for the dashboard. These definitions are what district offices are judged on:
 *
 * - received (受理诉求): problems that came to department D in the range, each problem at most once per department and
 *   range: a department round started in the range (an `assign`, `reassign`, or `reopen` back to `assigned` event)
 *   on a problem that is D's at computation time, or an on-the-spot `answer` in the range by a staff member of D.
 *   A problem reassigned from D to E counts for E only (D did not keep it); one sent back to the dispatch office
 *   counts for nobody until it is assigned again.
 * - answeredOnSpot (当场答复): `answer` events in the range by staff of D (every answer: a problem reopened after an
 *   on-the-spot answer and answered again was answered twice).
 * - resolved / resolvedOnTime (办结 / 按时办结): `resolve` events in the range by handlers of D (only the department's
 *   own handlers can resolve, so the actor's department is exact); on time when the event is no later than the
 *   problem's `resolve_by`.
 * - signed / signedOnTime (签收 / 及时签收): `sign` events likewise, against `sign_by`.
 *   Both deadlines are those of the problem's current round: a problem that started a new round after the event
 *   (reopened, reassigned) is judged against the new deadline. The monthly report freezes what it computed on the 1st.
 * - overdue (超期): problems of D (at computation time) with a `markOverdue` event in the range, each problem once
 *   whichever deadlines it missed — "went overdue in the month", not "was still overdue at month end", so a department
 *   is not charged every month again for one old problem, and catching up on it does not hide that it went overdue.
 * - escalated (专报): problems of D with an `escalate` event in the range (at most once per problem).
 * - ratings / satisfied / badRatings (评价 / 满意 / 差评): initial ratings (not the follow-up 追评: 一次一评, one rating
 *   per visit or problem) submitted in the range for D, except those removed on appeal; satisfied = all three levels
 *   ≥ 4; bad = the stored `bad` flag (lowest level ≤ 2).
 * - badRectified / badRectifiedOnTime: of those bad ratings, the rectifications marked `rectified` by `asOf` (the
 *   generation time), and of those the ones rectified no later than `rectify_by`.
 *
 * Activity with no department (an answer by an admin, an escalation before assignment, a visit rating of a staff
 * member without a department) comes back under `departmentId: null`: the dashboard's district figures include it,
 * the monthly report's rows (one per department) do not.
 *
 * Two aggregate queries whatever the number of problems: events of the range (index `problem_events_action_at`)
 * joined to their problems and actors, and ratings of the range (index `ratings_created`).
 */
export interface RangeFigures {
  departmentId: string | null
  counts: FigureCounts
}

export interface InstantRange {
  from: Date
  to: Date
}

type Row = Record<string, unknown>
const rowsOf = (result: unknown): Row[] => (result as { rows: Row[] }).rows

/** Events that report figures count; the IN list lets the (action, at) index skip progress and confirm events. */
const COUNTED_ACTIONS = sql`('answer', 'assign', 'reassign', 'reopen', 'sign', 'resolve', 'markOverdue', 'escalate')`

export async function problemCountsByDepartment(tx: Tx, range: InstantRange): Promise<Map<string | null, Partial<FigureCounts>>> {
  const result = await tx.execute(sql`
    WITH ev AS (
      SELECT e.problem_id, e.action, e.to_status, e.at,
             -- answer, sign and resolve belong to the department of whoever did them; the rest to the problem's
             CASE WHEN e.action IN ('answer', 'sign', 'resolve') THEN u.department_id ELSE p.department_id END AS department_id,
             p.sign_by, p.resolve_by
        FROM problem_events e
        JOIN problems p ON p.id = e.problem_id
        LEFT JOIN users u ON u.id = e.actor_id
       WHERE e.action IN ${COUNTED_ACTIONS}
         AND e.at >= ${range.from.toISOString()}::timestamptz AND e.at < ${range.to.toISOString()}::timestamptz
    )
    SELECT department_id,
           COUNT(DISTINCT problem_id) FILTER (WHERE action = 'answer' OR (action IN ('assign', 'reassign', 'reopen') AND to_status = 'assigned'))::int AS received,
           COUNT(*) FILTER (WHERE action = 'answer')::int AS "answeredOnSpot",
           COUNT(*) FILTER (WHERE action = 'resolve')::int AS resolved,
           COUNT(*) FILTER (WHERE action = 'resolve' AND at <= resolve_by)::int AS "resolvedOnTime",
           COUNT(*) FILTER (WHERE action = 'sign')::int AS signed,
           COUNT(*) FILTER (WHERE action = 'sign' AND at <= sign_by)::int AS "signedOnTime",
           COUNT(DISTINCT problem_id) FILTER (WHERE action = 'markOverdue')::int AS overdue,
           COUNT(DISTINCT problem_id) FILTER (WHERE action = 'escalate')::int AS escalated
      FROM ev
     GROUP BY department_id`)
  return byDepartment(rowsOf(result))
}

export async function ratingCountsByDepartment(tx: Tx, range: InstantRange, asOf: Date): Promise<Map<string | null, Partial<FigureCounts>>> {
  const result = await tx.execute(sql`
    SELECT r.department_id,
           COUNT(*)::int AS ratings,
           COUNT(*) FILTER (WHERE LEAST(r.attitude, r.quality, r.effectiveness) >= 4)::int AS satisfied,
           COUNT(*) FILTER (WHERE r.bad)::int AS "badRatings",
           COUNT(*) FILTER (WHERE r.bad AND x.status = 'rectified' AND x.rectified_at <= ${asOf.toISOString()}::timestamptz)::int AS "badRectified",
           COUNT(*) FILTER (WHERE r.bad AND x.status = 'rectified' AND x.rectified_at <= ${asOf.toISOString()}::timestamptz
                                  AND x.rectified_at <= x.rectify_by)::int AS "badRectifiedOnTime"
      FROM ratings r
      LEFT JOIN rectifications x ON x.rating_id = r.id
     WHERE r.kind = 'initial' AND r.appeal_status <> 'removed'
       AND r.created_at >= ${range.from.toISOString()}::timestamptz AND r.created_at < ${range.to.toISOString()}::timestamptz
     GROUP BY r.department_id`)
  return byDepartment(rowsOf(result))
}

function byDepartment(rows: Row[]): Map<string | null, Partial<FigureCounts>> {
  const map = new Map<string | null, Partial<FigureCounts>>()
  for (const { department_id, ...counts } of rows) {
    map.set((department_id as string | null) ?? null, Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v)])))
  }
  return map
}

/** Every figure per department (and the `null` bucket) over the range, rectifications counted as of `asOf`. */
export async function figuresByDepartment(tx: Tx, range: InstantRange, asOf: Date): Promise<RangeFigures[]> {
  // Sequential on purpose: `tx` may be one transaction (one connection), where queries cannot run side by side.
  const problemCounts = await problemCountsByDepartment(tx, range)
  const ratingCounts = await ratingCountsByDepartment(tx, range, asOf)
  const ids = new Set([...problemCounts.keys(), ...ratingCounts.keys()])
  return [...ids].map((departmentId) => ({
    departmentId,
    counts: { ...emptyCounts(), ...problemCounts.get(departmentId), ...ratingCounts.get(departmentId) },
  }))
}

import { sql, type SQL } from 'drizzle-orm'
import { DEFAULT_DEADLINE_POLICY, type ProblemCategory } from '../../../src/core/problem/problem.categories'
import { deadlinesOnAssign } from '../../../src/core/problem/problem.deadlines'
import { emptyCounts, onTime, type FigureCounts } from '../../../src/core/report/report.figures'
import type { Tx } from '../../db/store'

/**
 * The figures of DESIGN.md §2 "Reports", per department, over an instant range [from, to) — a Shanghai month for the
 * monthly report, any span of days for the dashboard. These definitions are what district offices are judged on:
 *
 * - received (受理诉求): problems that came to department D in the range, each problem at most once per department and
 *   range: a department round started in the range (an `assign`, `reassign`, or `reopen` back to `assigned` event)
 *   on a problem that is D's at computation time, or an on-the-spot `answer` in the range by a staff member of D.
 *   A problem reassigned from D to E counts for E only (D did not keep it); one sent back to the dispatch office
 *   counts for nobody (not even the district) until it is assigned again.
 * - answeredOnSpot (当场答复): `answer` events in the range by staff of D (every answer: a problem reopened after an
 *   on-the-spot answer and answered again was answered twice).
 * - resolved / resolvedOnTime (办结 / 按时办结): `resolve` events in the range by handlers of D (only the department's
 *   own handlers can resolve, so the actor's department is exact); on time when the event is no later than the
 *   problem's `resolve_by`.
 * - signed / signedOnTime (签收 / 及时签收): `sign` events likewise, against `sign_by`.
 *   Each event is judged against the deadline of its own round: the problem's stored deadline when the event belongs
 *   to the current round, else (the problem was reopened or reassigned since) the deadline recomputed from the start
 *   of the event's round with the same policy (`deadlinesOnAssign`), so a later reassignment changes no verdict.
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
 * Three queries whatever the number of problems: the events of the range aggregated (index `problem_events_action_at`,
 * joined to their problems and actors), the few sign/resolve events of past rounds with their round's start, and the
 * ratings of the range (index `ratings_created`).
 */
export interface RangeFigures {
  departmentId: string | null
  counts: FigureCounts
}

export interface InstantRange {
  from: Date
  to: Date
}

export type Row = Record<string, unknown>
export const rowsOf = (result: unknown): Row[] => (result as { rows: Row[] }).rows

/** Events that report figures count; the IN list lets the (action, at) index skip submit, progress and confirm events. */
export const COUNTED_ACTIONS = sql`('answer', 'assign', 'reassign', 'reopen', 'sign', 'resolve', 'markOverdue', 'escalate')`

/**
 * The counted events of a range with the department each one counts for: answer, sign and resolve belong to the
 * department of whoever did them (only staff answer and only the department's own handlers sign and resolve), the rest
 * to the problem's department. A SELECT to use as a CTE; `actions` narrows it further (always a subset).
 */
export function attributedEvents(range: InstantRange, actions: SQL = COUNTED_ACTIONS): SQL {
  return sql`
      SELECT e.problem_id, e.action, e.to_status, e.at,
             CASE WHEN e.action IN ('answer', 'sign', 'resolve') THEN u.department_id ELSE p.department_id END AS department_id,
             p.sign_by, p.resolve_by, p.assigned_at, p.category
        FROM problem_events e
        JOIN problems p ON p.id = e.problem_id
        LEFT JOIN users u ON u.id = e.actor_id
       WHERE e.action IN ${actions}
         AND e.at >= ${range.from.toISOString()}::timestamptz AND e.at < ${range.to.toISOString()}::timestamptz`
}

/** What makes an attributed event a receipt: an on-the-spot answer, or the start of a department round. */
export const RECEIVED_EVENT = sql`(action = 'answer' OR (action IN ('assign', 'reassign', 'reopen') AND to_status = 'assigned' AND department_id IS NOT NULL))`

/** A sign or resolve of the problem's current round (the round starts at `assigned_at`), judged by the stored deadline. */
const CURRENT_ROUND = sql`at >= assigned_at`

export async function problemCountsByDepartment(tx: Tx, range: InstantRange): Promise<Map<string | null, Partial<FigureCounts>>> {
  const result = await tx.execute(sql`
    WITH ev AS (${attributedEvents(range)})
    SELECT department_id,
           COUNT(DISTINCT problem_id) FILTER (WHERE ${RECEIVED_EVENT})::int AS received,
           COUNT(*) FILTER (WHERE action = 'answer')::int AS "answeredOnSpot",
           COUNT(*) FILTER (WHERE action = 'resolve')::int AS resolved,
           COUNT(*) FILTER (WHERE action = 'resolve' AND ${CURRENT_ROUND} AND at <= resolve_by)::int AS "resolvedOnTime",
           COUNT(*) FILTER (WHERE action = 'sign')::int AS signed,
           COUNT(*) FILTER (WHERE action = 'sign' AND ${CURRENT_ROUND} AND at <= sign_by)::int AS "signedOnTime",
           COUNT(DISTINCT problem_id) FILTER (WHERE action = 'markOverdue')::int AS overdue,
           COUNT(DISTINCT problem_id) FILTER (WHERE action = 'escalate')::int AS escalated
      FROM ev
     GROUP BY department_id`)
  return byDepartment(rowsOf(result))
}

/**
 * On-time signs and resolutions of past rounds: events of the range that happened before their problem's current
 * round started (it was reopened or reassigned since). Rare, so fetched as rows with the start of their own round
 * (the latest round start before them) and judged here with that round's recomputed deadline.
 */
export async function pastRoundOnTime(tx: Tx, range: InstantRange): Promise<Map<string | null, Partial<FigureCounts>>> {
  const result = await tx.execute(sql`
    WITH ev AS (${attributedEvents(range, sql`('sign', 'resolve')`)})
    SELECT ev.department_id, ev.action, ev.at, ev.category, round.at AS round_start
      FROM ev
      LEFT JOIN LATERAL (
        SELECT s.at FROM problem_events s
         WHERE s.problem_id = ev.problem_id AND s.action IN ('assign', 'reassign', 'reopen') AND s.to_status = 'assigned' AND s.at <= ev.at
         ORDER BY s.id DESC LIMIT 1) round ON true
     WHERE ev.assigned_at IS NULL OR ev.at < ev.assigned_at`)
  const map = new Map<string | null, Partial<FigureCounts>>()
  for (const row of rowsOf(result)) {
    if (!row.round_start) continue
    const deadlines = deadlinesOnAssign(new Date(row.round_start as string), row.category as ProblemCategory, DEFAULT_DEADLINE_POLICY)
    const sign = row.action === 'sign'
    if (!onTime(new Date(row.at as string), sign ? deadlines.signBy : deadlines.resolveBy)) continue
    const departmentId = (row.department_id as string | null) ?? null
    const counts = map.get(departmentId) ?? { signedOnTime: 0, resolvedOnTime: 0 }
    if (sign) counts.signedOnTime! += 1
    else counts.resolvedOnTime! += 1
    map.set(departmentId, counts)
  }
  return map
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
  const pastRounds = await pastRoundOnTime(tx, range)
  const ratingCounts = await ratingCountsByDepartment(tx, range, asOf)
  const ids = new Set([...problemCounts.keys(), ...ratingCounts.keys()])
  return [...ids].map((departmentId) => {
    const counts: FigureCounts = { ...emptyCounts(), ...problemCounts.get(departmentId), ...ratingCounts.get(departmentId) }
    const past = pastRounds.get(departmentId)
    counts.signedOnTime += past?.signedOnTime ?? 0
    counts.resolvedOnTime += past?.resolvedOnTime ?? 0
    return { departmentId, counts }
  })
}

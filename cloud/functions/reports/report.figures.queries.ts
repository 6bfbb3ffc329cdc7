import { sql } from 'drizzle-orm'
import type { WorkingDayOptions } from '../../../src/core/calendar/working-days'
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
 * Two aggregate queries whatever the number of problems — the events of the range (index `problem_events_action_at`,
 * joined to their problems and actors) grouped by department and, for the dashboard's trend, by week in the same scan;
 * and the ratings of the range (index `ratings_created`) — plus, only when some sign or resolve of the range belongs to
 * a past round, one lookup of those problems' round starts.
 */
export interface InstantRange {
  from: Date
  to: Date
}

export interface RangeFigures {
  departmentId: string | null
  counts: FigureCounts
}

export interface WeekCounts {
  received: number
  resolved: number
}

export interface RangeScan {
  departments: RangeFigures[]
  /** Received and resolved per week (Monday, Shanghai, 'YYYY-MM-DD'), when asked for. */
  weeks: Map<string, WeekCounts>
}

export type Row = Record<string, unknown>
export const rowsOf = (result: unknown): Row[] => (result as { rows: Row[] }).rows

/** Events that report figures count; the IN list lets the (action, at) index skip submit, progress and confirm events. */
export const COUNTED_ACTIONS = sql`('answer', 'assign', 'reassign', 'reopen', 'sign', 'resolve', 'markOverdue', 'escalate')`

/** Round starts: what makes a problem a department's (see `received`). */
const ROUND_START = sql`action IN ('assign', 'reassign', 'reopen') AND to_status = 'assigned'`
const RECEIVED = sql`(action = 'answer' OR (${ROUND_START} AND department_id IS NOT NULL))`
/** A sign or resolve of the problem's current round (which starts at `assigned_at`), judged by the stored deadline. */
const CURRENT_ROUND = sql`at >= assigned_at`
/** The Monday of an instant's week in Shanghai (China has no DST: a fixed +8 hours is exact). */
const WEEK = sql`to_char(date_trunc('week', (at AT TIME ZONE 'UTC') + interval '8 hours'), 'YYYY-MM-DD')`

/**
 * The counted events of a range with the department each one counts for: answer, sign and resolve belong to the
 * department of whoever did them (only staff answer and only the department's own handlers sign and resolve), the rest
 * to the problem's department.
 */
function attributedEvents(range: InstantRange) {
  return sql`
      SELECT e.problem_id, e.action, e.to_status, e.at,
             CASE WHEN e.action IN ('answer', 'sign', 'resolve') THEN u.department_id ELSE p.department_id END AS department_id,
             p.sign_by, p.resolve_by, p.assigned_at, p.category
        FROM problem_events e
        JOIN problems p ON p.id = e.problem_id
        LEFT JOIN users u ON u.id = e.actor_id
       WHERE e.action IN ${COUNTED_ACTIONS}
         AND e.at >= ${range.from.toISOString()}::timestamptz AND e.at < ${range.to.toISOString()}::timestamptz`
}

interface PastRoundEvent {
  problemId: string
  action: 'sign' | 'resolve'
  at: string
  category: ProblemCategory
}

/**
 * One scan of the range's events: the problem figures per department and, with `weeks`, received and resolved per
 * week (GROUPING SETS: one pass serves both). Received counts each problem once per department and group, so a week's
 * figure is each problem once per department and week. Signs and resolves of past rounds come back as rows, to be
 * judged against their own round's deadline.
 */
async function scanEvents(tx: Tx, range: InstantRange, weeks: boolean) {
  const grouping = weeks ? sql`GROUPING SETS ((department_id), (${WEEK}))` : sql`department_id`
  const result = await tx.execute(sql`
    WITH ev AS (${attributedEvents(range)})
    SELECT ${weeks ? sql`GROUPING(department_id, ${WEEK})` : sql`1`} AS by_department, department_id, ${weeks ? WEEK : sql`NULL`} AS week,
           COUNT(DISTINCT (department_id, problem_id)) FILTER (WHERE ${RECEIVED})::int AS received,
           COUNT(*) FILTER (WHERE action = 'answer')::int AS "answeredOnSpot",
           COUNT(*) FILTER (WHERE action = 'resolve')::int AS resolved,
           COUNT(*) FILTER (WHERE action = 'resolve' AND ${CURRENT_ROUND} AND at <= resolve_by)::int AS "resolvedOnTime",
           COUNT(*) FILTER (WHERE action = 'sign')::int AS signed,
           COUNT(*) FILTER (WHERE action = 'sign' AND ${CURRENT_ROUND} AND at <= sign_by)::int AS "signedOnTime",
           COUNT(DISTINCT problem_id) FILTER (WHERE action = 'markOverdue')::int AS overdue,
           COUNT(DISTINCT problem_id) FILTER (WHERE action = 'escalate')::int AS escalated,
           json_agg(json_build_object('problemId', problem_id, 'action', action, 'at', at, 'category', category))
             FILTER (WHERE action IN ('sign', 'resolve') AND (assigned_at IS NULL OR NOT ${CURRENT_ROUND})) AS past
      FROM ev
     GROUP BY ${grouping}`)
  const departments = new Map<string | null, Partial<FigureCounts>>()
  const pastRounds = new Map<string | null, PastRoundEvent[]>()
  const byWeek = new Map<string, WeekCounts>()
  for (const { by_department, department_id, week, past, ...counts } of rowsOf(result)) {
    if (Number(by_department) === 1) {
      const departmentId = (department_id as string | null) ?? null
      departments.set(departmentId, Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v)])))
      if (Array.isArray(past) && past.length) pastRounds.set(departmentId, past as PastRoundEvent[])
    } else {
      byWeek.set(String(week), { received: Number(counts.received), resolved: Number(counts.resolved) })
    }
  }
  return { departments, pastRounds, byWeek }
}

/**
 * Judges signs and resolves of past rounds (the problem was reopened or reassigned since): the round an event belongs
 * to starts at the problem's latest round start before it, and its deadlines are recomputed from there with the same
 * policy as at assignment. Rare, so one indexed lookup of those problems' round starts, only when there are any.
 */
async function judgePastRounds(
  tx: Tx,
  pastRounds: Map<string | null, PastRoundEvent[]>,
  calendar: WorkingDayOptions,
): Promise<Map<string | null, { signedOnTime: number; resolvedOnTime: number }>> {
  const judged = new Map<string | null, { signedOnTime: number; resolvedOnTime: number }>()
  const ids = [...new Set([...pastRounds.values()].flat().map((e) => e.problemId))]
  if (ids.length === 0) return judged
  const starts = rowsOf(
    await tx.execute(sql`
      SELECT problem_id, at FROM problem_events
       WHERE problem_id IN (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}) AND ${ROUND_START}
       ORDER BY problem_id, id`),
  )
  for (const [departmentId, events] of pastRounds) {
    const counts = { signedOnTime: 0, resolvedOnTime: 0 }
    for (const event of events) {
      const at = new Date(event.at)
      const roundStart = starts.filter((s) => s.problem_id === event.problemId && new Date(s.at as string) <= at).pop()
      if (!roundStart) continue
      const deadlines = deadlinesOnAssign(new Date(roundStart.at as string), event.category, DEFAULT_DEADLINE_POLICY, calendar)
      if (event.action === 'sign' && onTime(at, deadlines.signBy)) counts.signedOnTime += 1
      if (event.action === 'resolve' && onTime(at, deadlines.resolveBy)) counts.resolvedOnTime += 1
    }
    judged.set(departmentId, counts)
  }
  return judged
}

async function ratingCountsByDepartment(tx: Tx, range: InstantRange, asOf: Date): Promise<Map<string | null, Partial<FigureCounts>>> {
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
  const map = new Map<string | null, Partial<FigureCounts>>()
  for (const { department_id, ...counts } of rowsOf(result)) {
    map.set((department_id as string | null) ?? null, Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v)])))
  }
  return map
}

/**
 * Runs report queries without JIT compilation: their cost estimates trip `jit_above_cost`, but they run in well under
 * a second, and compiling them took longer (about 100 ms a query on the bench machine) than it saved. A transaction
 * (a savepoint inside one) so that SET LOCAL ends with it.
 */
export function analytic<T>(db: Tx, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL jit = off`)
    return work(tx)
  })
}

/** Every figure per department (and the `null` bucket) over the range, rectifications counted as of `asOf`. */
export async function scanRange(
  tx: Tx,
  range: InstantRange,
  asOf: Date,
  options: { weeks?: boolean; calendar?: WorkingDayOptions } = {},
): Promise<RangeScan> {
  // One after another on purpose: `tx` may be one transaction (one connection), where queries cannot run side by side.
  const events = await scanEvents(tx, range, options.weeks ?? false)
  const past = await judgePastRounds(tx, events.pastRounds, options.calendar ?? {})
  const ratingCounts = await ratingCountsByDepartment(tx, range, asOf)
  const ids = new Set([...events.departments.keys(), ...ratingCounts.keys()])
  const departments = [...ids].map((departmentId) => {
    const counts: FigureCounts = { ...emptyCounts(), ...events.departments.get(departmentId), ...ratingCounts.get(departmentId) }
    counts.signedOnTime += past.get(departmentId)?.signedOnTime ?? 0
    counts.resolvedOnTime += past.get(departmentId)?.resolvedOnTime ?? 0
    return { departmentId, counts }
  })
  return { departments, weeks: events.byWeek }
}

export async function figuresByDepartment(tx: Tx, range: InstantRange, asOf: Date, calendar: WorkingDayOptions = {}): Promise<RangeFigures[]> {
  return (await scanRange(tx, range, asOf, { calendar })).departments
}

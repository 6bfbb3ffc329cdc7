import { sql } from 'drizzle-orm'
import { shanghaiDate, startOfShanghaiDay, type IsoDate } from '../../../src/core/calendar/shanghai-time'
import type { WorkingDayOptions } from '../../../src/core/calendar/working-days'
import { DEFAULT_DEADLINE_POLICY, type ProblemCategory } from '../../../src/core/problem/problem.categories'
import { deadlinesOnAssign } from '../../../src/core/problem/problem.deadlines'
import { emptyCounts, onTime, type FigureCounts } from '../../../src/core/report/report.figures'
import { executedRows, type Tx } from '../../db/store'

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
 *   own handlers can resolve, so the actor's department is exact) that stand: a resolve followed by a reopen of the
 *   problem is taken back (the holder did not accept it), so a problem resolved, reopened and resolved again counts
 *   once, in the range of its last resolve (migration 0017). On time when the event is no later than the problem's
 *   `resolve_by`.
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
 * These rules are applied where the figures are kept: the rollups of migration 0010_report_rollups (schema.ts,
 * `report_contributions`), which database triggers update in the transaction of every event and of every change of a
 * problem's department, round or deadlines or of a person's department. A range is then read from `report_days`, one
 * row per Shanghai day, department and `since` (about 30 days × departments rows for a month, however many problems
 * the ledger holds), and the ratings of the range (index `ratings_created`), plus, only when some sign or resolve of
 * the range belongs to a past round, one lookup of those problems' round starts.
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

/** Events that report figures count; the IN list lets the (action, at) index skip submit, progress and confirm events. */
export const COUNTED_ACTIONS = sql`('answer', 'assign', 'reassign', 'reopen', 'sign', 'resolve', 'markOverdue', 'escalate')`

/** Round starts: what makes a problem a department's (see `received`). */
const ROUND_START = sql`action IN ('assign', 'reassign', 'reopen') AND to_status = 'assigned'`
/** The rollups' key for "no department". */
const NO_DEPARTMENT = '00000000-0000-0000-0000-000000000000'

export interface PastRoundEvent {
  problemId: string
  action: 'sign' | 'resolve'
  at: string
  category: ProblemCategory
}

/** The Shanghai days [first, end) of a range, which reports only ever ask for whole days of. */
export function daysOf(range: InstantRange): { first: IsoDate; end: IsoDate } {
  const first = shanghaiDate(range.from)
  const end = shanghaiDate(range.to)
  if (startOfShanghaiDay(first).getTime() !== range.from.getTime() || startOfShanghaiDay(end).getTime() !== range.to.getTime()) {
    throw new RangeError(`not whole Shanghai days: ${range.from.toISOString()}–${range.to.toISOString()}`)
  }
  return { first, end }
}

/**
 * The problem figures of the range per department and, with `weeks`, received and resolved per week (Monday, within
 * the range), from `report_days` (GROUPING SETS: one pass serves both). A distinct count (received, overdue,
 * escalated) takes the rows whose `since` lies before the start of the range or of the week's part of it: each problem
 * once per department and range or week. Signs and resolves of past rounds come from `report_past_rounds`, to be judged
 * against their own round's deadline.
 */
async function scanDays(tx: Tx, range: InstantRange, weeks: boolean) {
  const { first, end } = daysOf(range)
  const start = sql`${first}::date`
  const monday = sql`(day - (extract(isodow FROM day)::int - 1))`
  const result = await tx.execute(sql`
    SELECT ${weeks ? sql`GROUPING(department_id)` : sql`0`} AS by_week, department_id, ${weeks ? sql`to_char(monday, 'YYYY-MM-DD')` : sql`NULL`} AS week,
           COALESCE(SUM(received) FILTER (WHERE since < ${start}), 0)::int AS received,
           COALESCE(SUM(received) FILTER (WHERE since < GREATEST(monday, ${start})), 0)::int AS "weekReceived",
           COALESCE(SUM(answered), 0)::int AS "answeredOnSpot",
           COALESCE(SUM(resolved), 0)::int AS resolved,
           COALESCE(SUM(resolved_on_time), 0)::int AS "resolvedOnTime",
           COALESCE(SUM(signed), 0)::int AS signed,
           COALESCE(SUM(signed_on_time), 0)::int AS "signedOnTime",
           COALESCE(SUM(overdue) FILTER (WHERE since < ${start}), 0)::int AS overdue,
           COALESCE(SUM(escalated) FILTER (WHERE since < ${start}), 0)::int AS escalated
      FROM (SELECT *, ${monday} AS monday FROM report_days WHERE day >= ${start} AND day < ${end}::date) d
     GROUP BY ${weeks ? sql`GROUPING SETS ((department_id), (monday))` : sql`department_id`}`)
  const departments = new Map<string | null, Partial<FigureCounts>>()
  const byWeek = new Map<string, WeekCounts>()
  for (const { by_week, department_id, week, weekReceived, ...counts } of executedRows<Row>(result)) {
    if (Number(by_week) === 0) {
      const departmentId = department_id === NO_DEPARTMENT ? null : (department_id as string)
      departments.set(departmentId, Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v)])))
    } else {
      byWeek.set(String(week), { received: Number(weekReceived), resolved: Number(counts.resolved) })
    }
  }
  const past = executedRows<Row>(
    await tx.execute(sql`
      SELECT problem_id, department_id, action, at, category FROM report_past_rounds
       WHERE at >= ${range.from.toISOString()}::timestamptz AND at < ${range.to.toISOString()}::timestamptz`),
  )
  const pastRounds = new Map<string | null, PastRoundEvent[]>()
  for (const row of past) {
    const departmentId = (row.department_id as string | null) ?? null
    const event = { problemId: String(row.problem_id), action: row.action as PastRoundEvent['action'], at: new Date(row.at as string).toISOString(), category: row.category as ProblemCategory }
    pastRounds.set(departmentId, [...(pastRounds.get(departmentId) ?? []), event])
  }
  return { departments, pastRounds, byWeek }
}

/**
 * Judges signs and resolves of past rounds (the problem was reopened or reassigned since): the round an event belongs
 * to starts at the problem's latest round start before it, and its deadlines are recomputed from there with the same
 * policy as at assignment. Rare, so one indexed lookup of those problems' round starts, only when there are any.
 */
export async function judgePastRounds(
  tx: Tx,
  pastRounds: Map<string | null, PastRoundEvent[]>,
  calendar: WorkingDayOptions,
): Promise<Map<string | null, { signedOnTime: number; resolvedOnTime: number }>> {
  const judged = new Map<string | null, { signedOnTime: number; resolvedOnTime: number }>()
  const ids = [...new Set([...pastRounds.values()].flat().map((e) => e.problemId))]
  if (ids.length === 0) return judged
  const starts = executedRows<Row>(
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
      -- Looked up by key for the month's bad ratings only (OFFSET 0 keeps it a per-rating lookup), rather than hashing
      -- every rectification ever made: the cost follows the month, not the history.
      LEFT JOIN LATERAL (SELECT status, rectified_at, rectify_by FROM rectifications WHERE rating_id = r.id AND r.bad OFFSET 0) x ON true
     WHERE r.kind = 'initial' AND r.appeal_status <> 'removed'
       AND r.created_at >= ${range.from.toISOString()}::timestamptz AND r.created_at < ${range.to.toISOString()}::timestamptz
     GROUP BY r.department_id`)
  const map = new Map<string | null, Partial<FigureCounts>>()
  for (const { department_id, ...counts } of executedRows<Row>(result)) {
    map.set((department_id as string | null) ?? null, Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v)])))
  }
  return map
}

/** Every figure per department (and the `null` bucket) over the range, rectifications counted as of `asOf`. */
export async function scanRange(
  tx: Tx,
  range: InstantRange,
  asOf: Date,
  options: { weeks?: boolean; calendar?: WorkingDayOptions } = {},
): Promise<RangeScan> {
  // One after another on purpose: `tx` may be one transaction (one connection), where queries cannot run side by side.
  const events = await scanDays(tx, range, options.weeks ?? false)
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

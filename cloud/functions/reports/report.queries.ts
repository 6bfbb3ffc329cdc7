import { asc, sql } from 'drizzle-orm'
import { addDays, shanghaiDate, startOfShanghaiDay, type IsoDate } from '../../../src/core/calendar/shanghai-time'
import { PROBLEM_CATEGORIES, PROBLEM_CATEGORY_LABELS, type ProblemCategory } from '../../../src/core/problem/problem.categories'
import { figuresFrom, sumFigures, weeksOf, type MonthlyFigures, type Rate } from '../../../src/core/report/report.figures'
import type { CategoryCount, DashboardInput, DashboardView, DepartmentRankingRow, TrendPoint } from '../../../src/core/report/report.schema'
import { departments } from '../../db/schema'
import type { Db, Tx } from '../../db/store'
import { attributedEvents, figuresByDepartment, RECEIVED_EVENT, rowsOf, type InstantRange } from './report.figures.queries'

/** Shanghai dates [from, to], both inclusive, as the instants [00:00 of `from`, 00:00 of the day after `to`). */
export function dateRange(from: IsoDate, to: IsoDate): InstantRange {
  return { from: startOfShanghaiDay(from), to: startOfShanghaiDay(addDays(to, 1)) }
}

export async function departmentNames(tx: Tx): Promise<Array<{ id: string; name: string }>> {
  return tx.select({ id: departments.id, name: departments.name }).from(departments).orderBy(asc(departments.code))
}

/**
 * The leaders' dashboard, live: the district figures of today and of the range (activity without a department
 * included, see report.figures.queries.ts), the weekly trend, problems by category and the departments ranked.
 * Independent queries run side by side on the pool (PGlite runs them one after another).
 */
export async function dashboardOf(db: Db, input: DashboardInput, now: Date): Promise<DashboardView> {
  const period = dateRange(input.from, input.to)
  const today = shanghaiDate(now)
  const [periodFigures, todayFigures, trend, byCategory, names] = await Promise.all([
    figuresByDepartment(db, period, now),
    figuresByDepartment(db, dateRange(today, today), now),
    weeklyTrend(db, input.from, input.to),
    categoryCounts(db, period),
    departmentNames(db),
  ])
  const byDepartment = new Map(periodFigures.map((f) => [f.departmentId, figuresFrom(f.counts)]))
  return {
    today: sumFigures(todayFigures.map((f) => f.counts)),
    period: sumFigures(periodFigures.map((f) => f.counts)),
    trend,
    byCategory,
    departmentRanking: rank(names.map(({ id, name }) => rankingRow(id, name, byDepartment.get(id) ?? sumFigures([])))),
  }
}

/**
 * Received and resolved per week (Monday first, Shanghai), over the range only: the first and last weeks may be
 * partial. Received counts each problem once per department and week, as the monthly figure does per month.
 */
export async function weeklyTrend(tx: Tx, from: IsoDate, to: IsoDate): Promise<TrendPoint[]> {
  const weeks = weeksOf(from, to)
  const result = await tx.execute(sql`
    WITH ev AS (${attributedEvents(dateRange(from, to), sql`('answer', 'assign', 'reassign', 'reopen', 'resolve')`)})
    SELECT to_char(date_trunc('week', (at AT TIME ZONE 'UTC') + interval '8 hours'), 'YYYY-MM-DD') AS week,
           COUNT(DISTINCT (department_id, problem_id)) FILTER (WHERE ${RECEIVED_EVENT})::int AS received,
           COUNT(*) FILTER (WHERE action = 'resolve')::int AS resolved
      FROM ev
     GROUP BY 1`)
  const found = new Map(rowsOf(result).map((r) => [String(r.week), { received: Number(r.received), resolved: Number(r.resolved) }]))
  return weeks.map(({ weekStart }) => ({ weekStart, ...(found.get(weekStart) ?? { received: 0, resolved: 0 }) }))
}

/** Problems submitted in the range by category, whatever became of them: what enterprises ask about. */
export async function categoryCounts(tx: Tx, range: InstantRange): Promise<CategoryCount[]> {
  const result = await tx.execute(sql`
    SELECT category, COUNT(*)::int AS count
      FROM problems
     WHERE created_at >= ${range.from.toISOString()}::timestamptz AND created_at < ${range.to.toISOString()}::timestamptz
     GROUP BY category`)
  const counts = new Map(rowsOf(result).map((r) => [String(r.category), Number(r.count)]))
  return PROBLEM_CATEGORIES.map((category: ProblemCategory) => ({ category, label: PROBLEM_CATEGORY_LABELS[category], count: counts.get(category) ?? 0 })).sort(
    (a, b) => b.count - a.count,
  )
}

function rankingRow(departmentId: string, name: string, figures: MonthlyFigures): DepartmentRankingRow {
  return {
    departmentId,
    name,
    onTimeResolutionRate: figures.onTimeResolutionRate,
    satisfactionRate: figures.satisfactionRate,
    received: figures.received,
    overdue: figures.overdue,
  }
}

/** Higher is better, no rate (nothing to judge) last. */
const byRate = (a: Rate, b: Rate) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : b - a)

/**
 * The ranking: on-time resolution first (the figure the appraisal weighs most), then satisfaction, then fewer
 * overdue, then more received; the sort is stable, so ties keep the departments' code order.
 */
export function rank(rows: DepartmentRankingRow[]): DepartmentRankingRow[] {
  return [...rows].sort(
    (a, b) => byRate(a.onTimeResolutionRate, b.onTimeResolutionRate) || byRate(a.satisfactionRate, b.satisfactionRate) || a.overdue - b.overdue || b.received - a.received,
  )
}

import { asc, sql } from 'drizzle-orm'
import { addDays, shanghaiDate, startOfShanghaiDay, type IsoDate } from '../../../src/core/calendar/shanghai-time'
import type { WorkingDayOptions } from '../../../src/core/calendar/working-days'
import { PROBLEM_CATEGORIES, PROBLEM_CATEGORY_LABELS, type ProblemCategory } from '../../../src/core/problem/problem.categories'
import { figuresFrom, sumFigures, weeksOf, type MonthlyFigures, type Rate } from '../../../src/core/report/report.figures'
import type { CategoryCount, DashboardInput, DashboardView, DepartmentRankingRow } from '../../../src/core/report/report.schema'
import { departments } from '../../db/schema'
import { executedRows, type Db, type Tx } from '../../db/store'
import { daysOf, figuresByDepartment, scanRange, type InstantRange, type Row } from './report.figures.queries'

/** Shanghai dates [from, to], both inclusive, as the instants [00:00 of `from`, 00:00 of the day after `to`). */
export function dateRange(from: IsoDate, to: IsoDate): InstantRange {
  return { from: startOfShanghaiDay(from), to: startOfShanghaiDay(addDays(to, 1)) }
}

export async function departmentNames(tx: Tx): Promise<Array<{ id: string; name: string }>> {
  return tx.select({ id: departments.id, name: departments.name }).from(departments).orderBy(asc(departments.code))
}

/**
 * The leaders' dashboard, live: the district figures of today and of the range (activity without a department
 * included, see report.figures.queries.ts), the weekly trend, problems by category and the departments ranked. All
 * read rollups (a month is ~30 days × departments rows, whatever the size of the ledger) and run side by side on the
 * pool (PGlite runs them one after another).
 */
export async function dashboardOf(db: Db, input: DashboardInput, now: Date, calendar: WorkingDayOptions = {}): Promise<DashboardView> {
  const period = dateRange(input.from, input.to)
  const today = shanghaiDate(now)
  const [scan, todayFigures, byCategory, names] = await Promise.all([
    scanRange(db, period, now, { weeks: true, calendar }),
    figuresByDepartment(db, dateRange(today, today), now, calendar),
    categoryCounts(db, period),
    departmentNames(db),
  ])
  const byDepartment = new Map(scan.departments.map((f) => [f.departmentId, figuresFrom(f.counts)]))
  return {
    today: sumFigures(todayFigures.map((f) => f.counts)),
    period: sumFigures(scan.departments.map((f) => f.counts)),
    trend: weeksOf(input.from, input.to).map(({ weekStart }) => ({ weekStart, ...(scan.weeks.get(weekStart) ?? { received: 0, resolved: 0 }) })),
    byCategory,
    departmentRanking: rank(names.map(({ id, name }) => rankingRow(id, name, byDepartment.get(id) ?? sumFigures([])))),
  }
}

/** Problems submitted in the range by category, whatever became of them: what enterprises ask about (rollup `report_categories`). */
export async function categoryCounts(tx: Tx, range: InstantRange): Promise<CategoryCount[]> {
  const { first, end } = daysOf(range)
  const result = await tx.execute(sql`
    SELECT category, SUM(submitted)::int AS count FROM report_categories WHERE day >= ${first}::date AND day < ${end}::date GROUP BY category`)
  const counts = new Map(executedRows<Row>(result).map((r) => [String(r.category), Number(r.count)]))
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

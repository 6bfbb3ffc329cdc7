import { and, eq, gte, isNull, or, sql } from 'drizzle-orm'
import type { WorkingDayOptions } from '../../../src/core/calendar/working-days'
import { emptyCounts, figuresFrom, monthRange, previousMonth, type Month } from '../../../src/core/report/report.figures'
import { departments, jobRuns, monthlyReports, users } from '../../db/schema'
import type { Db, Tx } from '../../db/store'
import { enqueue } from '../notifications/outbox'
import { figuresByDepartment } from './report.figures.queries'

export const MONTHLY_REPORT_JOB = 'monthlyReport'

/**
 * The monthly report (DESIGN.md §2 "Reports"): on the 1st (Shanghai), or on any later day if the 1st was missed (the
 * host was down, a timer trigger failed), computes the previous month's figures for every department, stores them
 * frozen, and tells every leader. Idempotent: a month already generated is skipped, and the rows are inserted with
 * ON CONFLICT DO NOTHING, so a run racing another one (two cloud instances) changes nothing the first one wrote —
 * what leaders were sent is what the appraisal reads. While the district has no department, nothing is generated nor
 * recorded (the month stays open). Returns the number of report rows created.
 */
export async function generateMonthlyReports(db: Db, now: Date, calendar: WorkingDayOptions = {}): Promise<number> {
  const month = previousMonth(now)
  const [done] = await db
    .select({ period: jobRuns.period })
    .from(jobRuns)
    .where(and(eq(jobRuns.job, MONTHLY_REPORT_JOB), eq(jobRuns.period, month)))
  if (done) return 0

  return db.transaction(async (tx) => {
    // Serialises concurrent generators of the same month, so the second waits and then finds the month done.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`${MONTHLY_REPORT_JOB}:${month}`}))`)
    const [again] = await tx.select({ period: jobRuns.period }).from(jobRuns).where(and(eq(jobRuns.job, MONTHLY_REPORT_JOB), eq(jobRuns.period, month)))
    if (again) return 0

    // Departments deactivated before the month began did no work in it; a later deactivation keeps its row.
    const all = await tx
      .select({ id: departments.id })
      .from(departments)
      .where(or(isNull(departments.deactivatedAt), gte(departments.deactivatedAt, monthRange(month).from)))
    // A district not set up yet (a fresh production database, no departments): nothing to report, and the month is not
    // recorded as done, so the report is generated once the departments exist instead of being frozen empty.
    if (all.length === 0) return 0
    const figures = await figuresByDepartment(tx, monthRange(month), now, calendar)
    const counts = new Map(figures.map((f) => [f.departmentId, f.counts]))
    // Every department gets its row, a quiet month included: the appraisal reads twelve rows per department.
    const rows = all.map(({ id }) => ({ month, departmentId: id, figures: figuresFrom(counts.get(id) ?? emptyCounts()), generatedAt: now }))
    const created = rows.length
      ? await tx.insert(monthlyReports).values(rows).onConflictDoNothing().returning({ departmentId: monthlyReports.departmentId })
      : []
    await tx.insert(jobRuns).values({ job: MONTHLY_REPORT_JOB, period: month, ranAt: now, result: { created: created.length } }).onConflictDoNothing()
    await notifyLeaders(tx, month, now)
    return created.length
  })
}

/** 'report.ready' to every leader, once per month and leader (the dedupe key), in the generating transaction. */
async function notifyLeaders(tx: Tx, month: Month, now: Date): Promise<void> {
  const leaders = await tx.select({ id: users.id }).from(users).where(sql`'leader' = ANY(${users.roles})`)
  await enqueue(
    tx,
    leaders.map(({ id }) => ({ userId: id, template: 'report.ready', data: { month }, dedupeKey: `report.ready:${month}:${id}`, notBefore: now })),
    now,
  )
}

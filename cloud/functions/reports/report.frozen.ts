import { and, asc, eq, inArray, like } from 'drizzle-orm'
import { addMonths, emptyCounts, figuresFrom, sumFigures, type FigureCounts, type MonthlyFigures, type Month } from '../../../src/core/report/report.figures'
import type { AnnualReportView, DepartmentFigures, MonthlyReportView } from '../../../src/core/report/report.schema'
import type { SurveyScore } from '../../../src/core/report/report.survey-score'
import { departments, monthlyReports } from '../../db/schema'
import type { Tx } from '../../db/store'
import { surveyScores } from './report.survey-scores'

/**
 * Reading the frozen monthly reports. The stored figures are read back through `figuresFrom`, so the rates are always
 * those of the stored counts (a row written before a rate was added still shows it), never recomputed from the ledger.
 */
export function storedFigures(stored: unknown): MonthlyFigures {
  const counts = { ...emptyCounts() }
  const source = typeof stored === 'object' && stored !== null ? (stored as Partial<Record<keyof FigureCounts, unknown>>) : {}
  for (const key of Object.keys(counts) as (keyof FigureCounts)[]) {
    const value = source[key]
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) counts[key] = value
  }
  return figuresFrom(counts)
}

/** The department's survey score, only when a survey that rated it closed in the period. */
const withScore = (scores: Map<string, SurveyScore>, departmentId: string) => {
  const surveyScore = scores.get(departmentId)
  return surveyScore ? { surveyScore } : {}
}

/** Rows of one month, for all departments or the given ones, in the departments' code order. */
async function reportRows(tx: Tx, months: { month?: Month; year?: number }, departmentIds?: string[]) {
  return tx
    .select({ month: monthlyReports.month, departmentId: monthlyReports.departmentId, name: departments.name, figures: monthlyReports.figures, generatedAt: monthlyReports.generatedAt })
    .from(monthlyReports)
    .innerJoin(departments, eq(departments.id, monthlyReports.departmentId))
    .where(
      and(
        months.month ? eq(monthlyReports.month, months.month) : like(monthlyReports.month, `${months.year}-%`),
        departmentIds ? inArray(monthlyReports.departmentId, departmentIds) : undefined,
      ),
    )
    .orderBy(asc(departments.code), asc(monthlyReports.month))
}

/** The frozen report of a month, or null when it has not been generated (for these departments). */
export async function monthlyReportOf(tx: Tx, month: Month, now: Date, departmentIds?: string[]): Promise<MonthlyReportView | null> {
  const rows = await reportRows(tx, { month }, departmentIds)
  if (rows.length === 0) return null
  const scores = await surveyScores(tx, { month }, now)
  const list: DepartmentFigures[] = rows.map((r) => ({ departmentId: r.departmentId, name: r.name, figures: storedFigures(r.figures), ...withScore(scores, r.departmentId) }))
  const generatedAt = rows.reduce((latest, r) => (r.generatedAt > latest ? r.generatedAt : latest), rows[0].generatedAt)
  return { month, generatedAt: generatedAt.toISOString(), frozen: true, departments: list, total: sumFigures(list.map((d) => d.figures)) }
}

/**
 * A year for the appraisal: the twelve months of each department (null where no report exists), the department's
 * year and the district's year, each summed from counts. Departments are those with a report in the year, or the
 * ones asked for.
 */
export async function annualReportOf(tx: Tx, year: number, now: Date, departmentIds?: string[]): Promise<AnnualReportView> {
  const rows = await reportRows(tx, { year }, departmentIds)
  const scores = await surveyScores(tx, { year }, now)
  const names = departmentIds
    ? await tx.select({ id: departments.id, name: departments.name }).from(departments).where(inArray(departments.id, departmentIds)).orderBy(asc(departments.code))
    : [...new Map(rows.map((r) => [r.departmentId, { id: r.departmentId, name: r.name }])).values()]
  const months = Array.from({ length: 12 }, (_, i) => addMonths(`${String(year).padStart(4, '0')}-01`, i))
  const list = names.map(({ id, name }) => {
    const mine = new Map(rows.filter((r) => r.departmentId === id).map((r) => [r.month, r]))
    const twelve = months.map((month) => {
      const row = mine.get(month)
      return { month, generatedAt: row ? row.generatedAt.toISOString() : null, figures: row ? storedFigures(row.figures) : null }
    })
    return { departmentId: id, name, months: twelve, total: sumFigures(twelve.flatMap((m) => (m.figures ? [m.figures] : []))), ...withScore(scores, id) }
  })
  return { year, departments: list, total: sumFigures(list.map((d) => d.total)) }
}
